-- CreateEnum
CREATE TYPE "CallAnalysisStatus" AS ENUM ('rules', 'model', 'modelFailed');

-- CreateEnum
CREATE TYPE "CallAnalysisJobStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "analysisError" TEXT,
ADD COLUMN     "analysisStatus" "CallAnalysisStatus",
ADD COLUMN     "analyzedAt" TIMESTAMP(3),
ADD COLUMN     "analyzedBy" TEXT,
ADD COLUMN     "callbackRequested" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "intentReason" TEXT,
ADD COLUMN     "intentRule" TEXT,
ADD COLUMN     "proposedTime" TEXT,
ADD COLUMN     "summary" TEXT;

-- CreateTable
CREATE TABLE "CallAnalysisJob" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "scriptId" TEXT NOT NULL,
    "callId" TEXT,
    "clinicIds" TEXT[],
    "activeKey" TEXT,
    "status" "CallAnalysisJobStatus" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "modelFailed" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "error" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallAnalysisJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CallAnalysisJob_activeKey_key" ON "CallAnalysisJob"("activeKey");

-- CreateIndex
CREATE INDEX "CallAnalysisJob_scriptId_createdAt_idx" ON "CallAnalysisJob"("scriptId", "createdAt");

-- CreateIndex
CREATE INDEX "Call_companyId_callbackRequested_dialedAt_idx" ON "Call"("companyId", "callbackRequested", "dialedAt");

-- AddForeignKey
ALTER TABLE "CallAnalysisJob" ADD CONSTRAINT "CallAnalysisJob_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallAnalysisJob" ADD CONSTRAINT "CallAnalysisJob_scriptId_fkey" FOREIGN KEY ("scriptId") REFERENCES "Script"("id") ON DELETE CASCADE ON UPDATE CASCADE;

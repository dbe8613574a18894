-- CreateEnum
CREATE TYPE "CallBatchStatus" AS ENUM ('running', 'paused', 'cancelled');

-- AlterTable
ALTER TABLE "CallBatch" ADD COLUMN     "status" "CallBatchStatus" NOT NULL DEFAULT 'running',
ADD COLUMN     "statusAt" TIMESTAMP(3),
ADD COLUMN     "statusById" TEXT;

-- CreateIndex
CREATE INDEX "CallBatch_companyId_createdAt_idx" ON "CallBatch"("companyId", "createdAt");

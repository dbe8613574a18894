-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CallOutcome" ADD VALUE 'voicemail';
ALTER TYPE "CallOutcome" ADD VALUE 'secretary';
ALTER TYPE "CallOutcome" ADD VALUE 'operatorMessage';
ALTER TYPE "CallOutcome" ADD VALUE 'wrongNumber';

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "complaint" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "intentBeforeCorrection" TEXT,
ADD COLUMN     "intentConfidence" DOUBLE PRECISION,
ADD COLUMN     "intentCorrectedAt" TIMESTAMP(3),
ADD COLUMN     "intentCorrectedById" TEXT,
ADD COLUMN     "reachedParty" TEXT,
ADD COLUMN     "triggerSentence" TEXT;

-- AlterTable
ALTER TABLE "DncEntry" ADD COLUMN     "callId" TEXT,
ADD COLUMN     "triggerSentence" TEXT;

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "wrongNumberAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Script" ADD COLUMN     "intentLabels" JSONB;

-- CreateIndex
CREATE INDEX "Call_companyId_complaint_dialedAt_idx" ON "Call"("companyId", "complaint", "dialedAt");

-- CreateIndex
CREATE INDEX "Call_companyId_intentConfidence_idx" ON "Call"("companyId", "intentConfidence");

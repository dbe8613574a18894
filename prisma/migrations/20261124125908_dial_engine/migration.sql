-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "callerId" TEXT,
ADD COLUMN     "carrierOutcome" TEXT,
ADD COLUMN     "hangupBy" TEXT,
ADD COLUMN     "rawCode" TEXT,
ADD COLUMN     "ringSec" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "CallTask_scriptId_status_nextAttemptAt_idx" ON "CallTask"("scriptId", "status", "nextAttemptAt");

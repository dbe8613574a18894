-- AlterTable
ALTER TABLE "JourneyRosterEntry" ADD COLUMN     "advancedAt" TIMESTAMP(3),
ADD COLUMN     "branchKey" TEXT,
ADD COLUMN     "dueAt" TIMESTAMP(3),
ADD COLUMN     "intent" TEXT;

-- CreateIndex
CREATE INDEX "JourneyRosterEntry_nodeId_status_idx" ON "JourneyRosterEntry"("nodeId", "status");

-- CreateIndex
CREATE INDEX "JourneyRosterEntry_dueAt_idx" ON "JourneyRosterEntry"("dueAt");

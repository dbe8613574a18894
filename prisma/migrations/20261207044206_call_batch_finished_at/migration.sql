-- AlterTable
ALTER TABLE "CallBatch" ADD COLUMN     "finishedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "CallBatch_finishedAt_idx" ON "CallBatch"("finishedAt");

-- CreateIndex
CREATE INDEX "CallTask_batchId_status_idx" ON "CallTask"("batchId", "status");


-- Batches already over when this runs are marked finished (at their last task's end) without an event: nobody could
-- subscribe to batch.finished before this release.
UPDATE "CallBatch" b SET "finishedAt" = coalesce((SELECT max(t."finishedAt") FROM "CallTask" t WHERE t."batchId" = b.id), CURRENT_TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "CallTask" t WHERE t."batchId" = b.id AND t.status IN ('pending', 'dialing', 'inCall'));

-- Issue 29: 话单记录's capped counts and 客户名单's count and OFFSET read these indexes alone (index-only scans); each
-- replaces an index with the same leading columns (wider entries), except two new ones on Call: (companyId, outcome,
-- dialedAt, clinicId) — the 通话状态 filter's count read every call of the company for a rare outcome (a seq scan, 0.4 s
-- at 1 M calls) — and (consultantId, dialedAt, companyId, clinicId) — 归属咨询师 walked the company's calls by date.
-- Built without CONCURRENTLY (Prisma runs a migration in a transaction): writes to Call / CallTask wait while they build
-- (about 20 s for 1 M calls on the bench machine).

-- DropIndex
DROP INDEX "Call_companyId_dialedAt_idx";

-- DropIndex
DROP INDEX "Call_scriptId_dialedAt_idx";

-- DropIndex
DROP INDEX "Call_scriptId_intent_dialedAt_idx";

-- DropIndex
DROP INDEX "CallTask_scriptId_createdAt_id_idx";

-- DropIndex
DROP INDEX "CallTask_scriptId_status_idx";

-- CreateIndex
CREATE INDEX "Call_companyId_dialedAt_clinicId_outcome_consultantId_idx" ON "Call"("companyId", "dialedAt", "clinicId", "outcome", "consultantId");

-- CreateIndex
CREATE INDEX "Call_companyId_outcome_dialedAt_clinicId_idx" ON "Call"("companyId", "outcome", "dialedAt", "clinicId");

-- CreateIndex
CREATE INDEX "Call_consultantId_dialedAt_companyId_clinicId_idx" ON "Call"("consultantId", "dialedAt", "companyId", "clinicId");

-- CreateIndex
CREATE INDEX "Call_scriptId_dialedAt_companyId_clinicId_outcome_idx" ON "Call"("scriptId", "dialedAt", "companyId", "clinicId", "outcome");

-- CreateIndex
CREATE INDEX "Call_scriptId_intent_dialedAt_companyId_clinicId_idx" ON "Call"("scriptId", "intent", "dialedAt", "companyId", "clinicId");

-- CreateIndex
CREATE INDEX "CallTask_scriptId_status_clinicId_idx" ON "CallTask"("scriptId", "status", "clinicId");

-- CreateIndex
CREATE INDEX "CallTask_scriptId_createdAt_id_clinicId_idx" ON "CallTask"("scriptId", "createdAt", "id", "clinicId");

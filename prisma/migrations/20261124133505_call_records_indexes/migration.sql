-- CreateIndex
CREATE INDEX "Call_scriptId_intent_dialedAt_idx" ON "Call"("scriptId", "intent", "dialedAt");

-- CreateIndex
CREATE INDEX "Call_scriptId_outcome_patientId_rounds_durationSec_idx" ON "Call"("scriptId", "outcome", "patientId", "rounds", "durationSec");

-- CreateIndex
CREATE INDEX "CallTask_scriptId_createdAt_id_idx" ON "CallTask"("scriptId", "createdAt", "id");

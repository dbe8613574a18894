-- 消费 (划扣) pushed by the chain's own system through POST /api/v1/treatment-deductions, upserted by its id there.
ALTER TABLE "TreatmentDeduction" ADD COLUMN "externalId" TEXT;

CREATE UNIQUE INDEX "TreatmentDeduction_companyId_externalId_key" ON "TreatmentDeduction"("companyId", "externalId");

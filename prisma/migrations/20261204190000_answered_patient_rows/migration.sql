-- One row per answered patient (company-wide and per script) with the clinics as arrays, so 接听客户数 / 有效对话客户数
-- are counts without grouping (docs/metrics.md). The tables hold derived figures: their rows are folded into the new
-- shape here, and recountCallTotals rebuilds them from the calls at any time.

ALTER TABLE "AnsweredPatient" RENAME TO "AnsweredPatient_old";
ALTER TABLE "AnsweredPatient_old" RENAME CONSTRAINT "AnsweredPatient_pkey" TO "AnsweredPatient_old_pkey";
ALTER TABLE "ScriptAnsweredPatient" RENAME TO "ScriptAnsweredPatient_old";
ALTER TABLE "ScriptAnsweredPatient_old" RENAME CONSTRAINT "ScriptAnsweredPatient_pkey" TO "ScriptAnsweredPatient_old_pkey";
ALTER INDEX "ScriptAnsweredPatient_companyId_idx" RENAME TO "ScriptAnsweredPatient_old_companyId_idx";

-- CreateTable
CREATE TABLE "AnsweredPatient" (
    "companyId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "clinicIds" TEXT[],
    "effectiveClinicIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "AnsweredPatient_pkey" PRIMARY KEY ("companyId","patientId")
);

-- CreateTable
CREATE TABLE "ScriptAnsweredPatient" (
    "scriptId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicIds" TEXT[],
    "effectiveClinicIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "ScriptAnsweredPatient_pkey" PRIMARY KEY ("scriptId","patientId")
);

INSERT INTO "AnsweredPatient" ("companyId", "patientId", "clinicIds", "effectiveClinicIds")
SELECT "companyId", "patientId", array_agg("clinicId" ORDER BY "clinicId"),
       coalesce(array_agg("clinicId" ORDER BY "clinicId") FILTER (WHERE effective), ARRAY[]::TEXT[])
FROM "AnsweredPatient_old" GROUP BY 1, 2;

INSERT INTO "ScriptAnsweredPatient" ("scriptId", "patientId", "companyId", "clinicIds", "effectiveClinicIds")
SELECT "scriptId", "patientId", min("companyId"), array_agg("clinicId" ORDER BY "clinicId"),
       coalesce(array_agg("clinicId" ORDER BY "clinicId") FILTER (WHERE effective), ARRAY[]::TEXT[])
FROM "ScriptAnsweredPatient_old" GROUP BY 1, 2;

DROP TABLE "AnsweredPatient_old";
DROP TABLE "ScriptAnsweredPatient_old";

-- CreateIndex
CREATE INDEX "ScriptAnsweredPatient_companyId_idx" ON "ScriptAnsweredPatient"("companyId");

-- AddForeignKey
ALTER TABLE "AnsweredPatient" ADD CONSTRAINT "AnsweredPatient_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnsweredPatient" ADD CONSTRAINT "AnsweredPatient_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptAnsweredPatient" ADD CONSTRAINT "ScriptAnsweredPatient_scriptId_fkey" FOREIGN KEY ("scriptId") REFERENCES "Script"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptAnsweredPatient" ADD CONSTRAINT "ScriptAnsweredPatient_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "CallDailyTotal" (
    "scriptId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "source" "CallTaskSource" NOT NULL,
    "day" DATE NOT NULL,
    "shard" INTEGER NOT NULL DEFAULT 0,
    "companyId" TEXT NOT NULL,
    "pendingTasks" INTEGER NOT NULL DEFAULT 0,
    "interceptedTasks" INTEGER NOT NULL DEFAULT 0,
    "failedTasks" INTEGER NOT NULL DEFAULT 0,
    "dialedCalls" INTEGER NOT NULL DEFAULT 0,
    "answeredCalls" INTEGER NOT NULL DEFAULT 0,
    "effectiveCalls" INTEGER NOT NULL DEFAULT 0,
    "answeredSeconds" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CallDailyTotal_pkey" PRIMARY KEY ("scriptId","clinicId","source","day","shard")
);

-- CreateTable
CREATE TABLE "AnsweredPatient" (
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "effective" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AnsweredPatient_pkey" PRIMARY KEY ("companyId","patientId","clinicId")
);

-- CreateTable
CREATE TABLE "ScriptAnsweredPatient" (
    "scriptId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "effective" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ScriptAnsweredPatient_pkey" PRIMARY KEY ("scriptId","patientId","clinicId")
);

-- CreateIndex
CREATE INDEX "CallDailyTotal_companyId_idx" ON "CallDailyTotal"("companyId");

-- CreateIndex
CREATE INDEX "ScriptAnsweredPatient_companyId_idx" ON "ScriptAnsweredPatient"("companyId");

-- AddForeignKey
ALTER TABLE "CallDailyTotal" ADD CONSTRAINT "CallDailyTotal_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallDailyTotal" ADD CONSTRAINT "CallDailyTotal_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallDailyTotal" ADD CONSTRAINT "CallDailyTotal_scriptId_fkey" FOREIGN KEY ("scriptId") REFERENCES "Script"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnsweredPatient" ADD CONSTRAINT "AnsweredPatient_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnsweredPatient" ADD CONSTRAINT "AnsweredPatient_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnsweredPatient" ADD CONSTRAINT "AnsweredPatient_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptAnsweredPatient" ADD CONSTRAINT "ScriptAnsweredPatient_scriptId_fkey" FOREIGN KEY ("scriptId") REFERENCES "Script"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptAnsweredPatient" ADD CONSTRAINT "ScriptAnsweredPatient_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptAnsweredPatient" ADD CONSTRAINT "ScriptAnsweredPatient_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Issue 26: 效果分析 attributed at write time (docs/outcomes.md). The credits of existing appointments and visits are
-- computed by the domain rule (server/domain/outcomes/attribution.ts), not in SQL: the backfill marks every company
-- with appointments or visits stale, and the outcomes-recredit cron (or recreditStaleCompanies) recomputes them.
-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "outcomeCreditsStaleAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "creditBatchId" TEXT,
ADD COLUMN     "creditCallId" TEXT,
ADD COLUMN     "creditClinicId" TEXT,
ADD COLUMN     "creditDay" DATE,
ADD COLUMN     "creditJourneyId" TEXT,
ADD COLUMN     "creditNodeId" TEXT,
ADD COLUMN     "creditScriptId" TEXT,
ADD COLUMN     "creditSource" "CallTaskSource",
ADD COLUMN     "creditVariantId" TEXT;

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "creditBatchId" TEXT,
ADD COLUMN     "creditCallId" TEXT,
ADD COLUMN     "creditClinicId" TEXT,
ADD COLUMN     "creditDay" DATE,
ADD COLUMN     "creditJourneyId" TEXT,
ADD COLUMN     "creditNodeId" TEXT,
ADD COLUMN     "creditRevenueCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "creditScriptId" TEXT,
ADD COLUMN     "creditSource" "CallTaskSource",
ADD COLUMN     "creditVariantId" TEXT;

-- CreateTable
CREATE TABLE "OutcomeDailyTotal" (
    "scriptId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "source" "CallTaskSource" NOT NULL,
    "batchId" TEXT NOT NULL DEFAULT '',
    "journeyId" TEXT NOT NULL DEFAULT '',
    "nodeId" TEXT NOT NULL DEFAULT '',
    "variantId" TEXT NOT NULL DEFAULT '',
    "day" DATE NOT NULL,
    "companyId" TEXT NOT NULL,
    "appointments" INTEGER NOT NULL DEFAULT 0,
    "visits" INTEGER NOT NULL DEFAULT 0,
    "revenueCents" BIGINT NOT NULL DEFAULT 0,
    "bookedCalls" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OutcomeDailyTotal_pkey" PRIMARY KEY ("scriptId","clinicId","source","batchId","journeyId","nodeId","variantId","day")
);

-- CreateIndex
CREATE INDEX "OutcomeDailyTotal_companyId_day_idx" ON "OutcomeDailyTotal"("companyId", "day");

-- CreateIndex
CREATE INDEX "Appointment_creditCallId_idx" ON "Appointment"("creditCallId");

-- CreateIndex
CREATE INDEX "Visit_creditCallId_idx" ON "Visit"("creditCallId");

-- AddForeignKey
ALTER TABLE "OutcomeDailyTotal" ADD CONSTRAINT "OutcomeDailyTotal_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: existing rows get their credits from the recompute.
UPDATE "Company" c SET "outcomeCreditsStaleAt" = now()
 WHERE EXISTS (SELECT 1 FROM "Appointment" a WHERE a."companyId" = c.id) OR EXISTS (SELECT 1 FROM "Visit" v WHERE v."companyId" = c.id);

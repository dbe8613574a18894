-- CreateEnum
CREATE TYPE "FollowUpReason" AS ENUM ('complaint', 'callback', 'discomfort', 'appointment');

-- CreateEnum
CREATE TYPE "FollowUpOutcome" AS ENUM ('reached', 'booked', 'notReachable', 'declined');

-- CreateEnum
CREATE TYPE "AppointmentRequestStatus" AS ENUM ('pending', 'confirmed', 'rejected');

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "attributionWindowDays" INTEGER,
ADD COLUMN     "callPriceCentsPerMinute" INTEGER,
ADD COLUMN     "smsPriceCents" INTEGER;

-- AlterTable
ALTER TABLE "FollowUpTask" ADD COLUMN     "callId" TEXT,
ADD COLUMN     "openKey" TEXT,
ADD COLUMN     "outcome" "FollowUpOutcome",
ADD COLUMN     "reason" "FollowUpReason",
ADD COLUMN     "triggerSentence" TEXT;

-- CreateTable
CREATE TABLE "AppointmentRequest" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "callId" TEXT,
    "followUpTaskId" TEXT,
    "said" TEXT NOT NULL,
    "slotStart" TIMESTAMP(3),
    "slotEnd" TIMESTAMP(3),
    "item" TEXT,
    "status" "AppointmentRequestStatus" NOT NULL DEFAULT 'pending',
    "note" TEXT,
    "appointmentId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppointmentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AppointmentRequest_callId_key" ON "AppointmentRequest"("callId");

-- CreateIndex
CREATE INDEX "AppointmentRequest_companyId_status_createdAt_idx" ON "AppointmentRequest"("companyId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpTask_openKey_key" ON "FollowUpTask"("openKey");

-- CreateIndex
CREATE INDEX "FollowUpTask_companyId_status_dueAt_idx" ON "FollowUpTask"("companyId", "status", "dueAt");

-- AddForeignKey
ALTER TABLE "FollowUpTask" ADD CONSTRAINT "FollowUpTask_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentRequest" ADD CONSTRAINT "AppointmentRequest_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentRequest" ADD CONSTRAINT "AppointmentRequest_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentRequest" ADD CONSTRAINT "AppointmentRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentRequest" ADD CONSTRAINT "AppointmentRequest_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentRequest" ADD CONSTRAINT "AppointmentRequest_followUpTaskId_fkey" FOREIGN KEY ("followUpTaskId") REFERENCES "FollowUpTask"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- CreateEnum
CREATE TYPE "RoleKey" AS ENUM ('companyAdmin', 'clinicAdmin', 'frontDesk', 'consultant', 'onlineConsultant', 'custom');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('male', 'female', 'unknown');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('scheduled', 'arrived', 'cancelled', 'missed');

-- CreateEnum
CREATE TYPE "FollowUpKind" AS ENUM ('revisit', 'visit');

-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('pending', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "QualificationStatus" AS ENUM ('draft', 'pending', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "QualificationDocumentKind" AS ENUM ('businessLicense', 'legalIdFront', 'legalIdBack', 'networkSecurityPledge');

-- CreateEnum
CREATE TYPE "SmsTemplateStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "SmsMessageStatus" AS ENUM ('queued', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "ScriptKind" AS ENUM ('ai', 'fixed');

-- CreateEnum
CREATE TYPE "ScriptCategory" AS ENUM ('service', 'marketing');

-- CreateEnum
CREATE TYPE "ScriptStatus" AS ENUM ('enabled', 'paused', 'stopped');

-- CreateEnum
CREATE TYPE "ScriptPauseReason" AS ENUM ('manual', 'insufficientBalance');

-- CreateEnum
CREATE TYPE "CallTaskSource" AS ENUM ('batch', 'journey');

-- CreateEnum
CREATE TYPE "CallTaskStatus" AS ENUM ('pending', 'dialing', 'inCall', 'ended', 'intercepted', 'cancelled', 'failed');

-- CreateEnum
CREATE TYPE "CallOutcome" AS ENUM ('answered', 'noAnswer', 'busy', 'rejected', 'poweredOff', 'emptyNumber', 'suspended', 'failed');

-- CreateEnum
CREATE TYPE "JourneyStatus" AS ENUM ('draft', 'published', 'paused', 'ended');

-- CreateEnum
CREATE TYPE "JourneyNodeKind" AS ENUM ('entry', 'outbound', 'wait', 'end');

-- CreateEnum
CREATE TYPE "RosterStatus" AS ENUM ('dispatching', 'dispatched', 'dispatchFailed');

-- CreateEnum
CREATE TYPE "DncKind" AS ENUM ('platform', 'vanityPattern', 'highComplaint', 'optOut');

-- CreateTable
CREATE TABLE "Company" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "seatLimit" INTEGER NOT NULL DEFAULT 1000,
    "seatsPerScript" INTEGER NOT NULL DEFAULT 50,
    "dialsPerMinuteScript" INTEGER NOT NULL DEFAULT 60,
    "redialMaxAttempts" INTEGER NOT NULL DEFAULT 2,
    "redialIntervalMin" INTEGER NOT NULL DEFAULT 30,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Clinic" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "outboundOpenedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Clinic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "key" "RoleKey" NOT NULL,
    "name" TEXT NOT NULL,
    "isSystem" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolePermission" (
    "roleId" TEXT NOT NULL,
    "permission" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RolePermission_pkey" PRIMARY KEY ("roleId","permission")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "companyId" TEXT,
    "roleId" TEXT,
    "name" TEXT NOT NULL,
    "mobile" TEXT,
    "email" TEXT,
    "passwordHash" TEXT NOT NULL,
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "allClinics" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserClinic" (
    "userId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,

    CONSTRAINT "UserClinic_pkey" PRIMARY KEY ("userId","clinicId")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL DEFAULT 'unknown',
    "mobile" TEXT,
    "hasOwnMobile" BOOLEAN NOT NULL DEFAULT true,
    "medicalRecordNo" TEXT,
    "registered" BOOLEAN NOT NULL DEFAULT true,
    "birthday" DATE,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "consultantId" TEXT,
    "onlineConsultantId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'scheduled',
    "item" TEXT,
    "doctorName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "visitedAt" TIMESTAMP(3) NOT NULL,
    "item" TEXT,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentDeduction" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "performedAt" TIMESTAMP(3) NOT NULL,
    "item" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TreatmentDeduction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Benefit" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "Benefit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpTask" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" "FollowUpKind" NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'pending',
    "executorId" TEXT,
    "completedAt" TIMESTAMP(3),
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUpTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "conditions" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualificationApplication" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "applicantName" TEXT NOT NULL,
    "applicantMobile" TEXT NOT NULL,
    "companyName" TEXT NOT NULL,
    "termsAcceptedAt" TIMESTAMP(3),
    "status" "QualificationStatus" NOT NULL DEFAULT 'draft',
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewerId" TEXT,
    "rejectReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QualificationApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualificationDocument" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" "QualificationDocumentKind" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualificationDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsTemplate" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" "SmsTemplateStatus" NOT NULL DEFAULT 'pending',
    "rejectReason" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsQuotaEntry" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "refId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsQuotaEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsMessage" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "patientId" TEXT,
    "callId" TEXT,
    "templateId" TEXT,
    "mobile" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" "SmsMessageStatus" NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "SmsMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallBalanceEntry" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "callId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallBalanceEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Voice" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "avatarUrl" TEXT,
    "gender" "Gender" NOT NULL,
    "style" TEXT NOT NULL,
    "sampleKey" TEXT,
    "speed" INTEGER NOT NULL DEFAULT 100,
    "pitch" INTEGER NOT NULL DEFAULT 50,
    "volume" INTEGER NOT NULL DEFAULT 100,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Voice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScriptTemplate" (
    "id" TEXT NOT NULL,
    "companyId" TEXT,
    "key" TEXT NOT NULL,
    "kind" "ScriptKind" NOT NULL,
    "name" TEXT NOT NULL,
    "category" "ScriptCategory" NOT NULL,
    "description" TEXT,
    "paramSchema" JSONB NOT NULL,
    "scenarios" JSONB NOT NULL,
    "intents" JSONB NOT NULL,
    "body" TEXT,
    "audioKey" TEXT,
    "voiceId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScriptTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Script" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ScriptKind" NOT NULL,
    "category" "ScriptCategory" NOT NULL,
    "templateId" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "preview" JSONB,
    "voiceId" TEXT,
    "voiceSpeed" INTEGER NOT NULL DEFAULT 100,
    "voicePitch" INTEGER NOT NULL DEFAULT 50,
    "voiceVolume" INTEGER NOT NULL DEFAULT 100,
    "hangupSmsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "hangupSmsAnsweredTemplateId" TEXT,
    "hangupSmsUnansweredTemplateId" TEXT,
    "journeyOnly" BOOLEAN NOT NULL DEFAULT false,
    "status" "ScriptStatus" NOT NULL DEFAULT 'enabled',
    "pauseReason" "ScriptPauseReason",
    "stoppedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Script_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScriptClinic" (
    "scriptId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,

    CONSTRAINT "ScriptClinic_pkey" PRIMARY KEY ("scriptId","clinicId")
);

-- CreateTable
CREATE TABLE "CallBatch" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "scriptId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallTask" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "scriptId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "mobile" TEXT,
    "source" "CallTaskSource" NOT NULL,
    "batchId" TEXT,
    "rosterEntryId" TEXT,
    "status" "CallTaskStatus" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 2,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "claimedBy" TEXT,
    "lastOutcome" "CallOutcome",
    "intent" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CallTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "scriptId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "carrierCallId" TEXT,
    "outcome" "CallOutcome",
    "dialedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "durationSec" INTEGER NOT NULL DEFAULT 0,
    "rounds" INTEGER NOT NULL DEFAULT 0,
    "intent" TEXT,
    "transcript" JSONB,
    "consultantId" TEXT,
    "onlineConsultantId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recording" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL DEFAULT 'audio/mpeg',
    "durationSec" INTEGER NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sourceUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarrierEvent" (
    "id" TEXT NOT NULL,
    "carrierEventId" TEXT NOT NULL,
    "carrierCallId" TEXT NOT NULL,
    "callId" TEXT,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "CarrierEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Journey" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clinicId" TEXT,
    "name" TEXT NOT NULL,
    "status" "JourneyStatus" NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Journey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyNode" (
    "id" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "kind" "JourneyNodeKind" NOT NULL,
    "label" TEXT,
    "config" JSONB NOT NULL DEFAULT '{}',
    "positionX" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "positionY" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "JourneyNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyEdge" (
    "id" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "sourceNodeId" TEXT NOT NULL,
    "targetNodeId" TEXT NOT NULL,
    "branchKey" TEXT,
    "label" TEXT,

    CONSTRAINT "JourneyEdge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyRun" (
    "id" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "entered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "JourneyRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyRosterEntry" (
    "id" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "runId" TEXT,
    "patientId" TEXT NOT NULL,
    "status" "RosterStatus" NOT NULL DEFAULT 'dispatching',
    "failReason" TEXT,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JourneyRosterEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DncEntry" (
    "id" TEXT NOT NULL,
    "companyId" TEXT,
    "kind" "DncKind" NOT NULL,
    "mobile" TEXT,
    "pattern" TEXT,
    "reason" TEXT,
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DncEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "companyId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "reason" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Clinic_companyId_idx" ON "Clinic"("companyId");

-- CreateIndex
CREATE INDEX "Role_companyId_idx" ON "Role"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "Role_companyId_name_key" ON "Role"("companyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_mobile_key" ON "User"("mobile");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_companyId_idx" ON "User"("companyId");

-- CreateIndex
CREATE INDEX "UserClinic_clinicId_idx" ON "UserClinic"("clinicId");

-- CreateIndex
CREATE INDEX "Patient_companyId_clinicId_createdAt_idx" ON "Patient"("companyId", "clinicId", "createdAt");

-- CreateIndex
CREATE INDEX "Patient_companyId_mobile_idx" ON "Patient"("companyId", "mobile");

-- CreateIndex
CREATE INDEX "Patient_companyId_name_idx" ON "Patient"("companyId", "name");

-- CreateIndex
CREATE INDEX "Patient_consultantId_idx" ON "Patient"("consultantId");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_companyId_medicalRecordNo_key" ON "Patient"("companyId", "medicalRecordNo");

-- CreateIndex
CREATE INDEX "Appointment_companyId_clinicId_startsAt_idx" ON "Appointment"("companyId", "clinicId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_patientId_startsAt_idx" ON "Appointment"("patientId", "startsAt");

-- CreateIndex
CREATE INDEX "Visit_companyId_visitedAt_idx" ON "Visit"("companyId", "visitedAt");

-- CreateIndex
CREATE INDEX "Visit_patientId_visitedAt_idx" ON "Visit"("patientId", "visitedAt");

-- CreateIndex
CREATE INDEX "TreatmentDeduction_companyId_performedAt_idx" ON "TreatmentDeduction"("companyId", "performedAt");

-- CreateIndex
CREATE INDEX "TreatmentDeduction_patientId_performedAt_idx" ON "TreatmentDeduction"("patientId", "performedAt");

-- CreateIndex
CREATE INDEX "Benefit_companyId_expiresAt_idx" ON "Benefit"("companyId", "expiresAt");

-- CreateIndex
CREATE INDEX "Benefit_patientId_expiresAt_idx" ON "Benefit"("patientId", "expiresAt");

-- CreateIndex
CREATE INDEX "FollowUpTask_companyId_dueAt_idx" ON "FollowUpTask"("companyId", "dueAt");

-- CreateIndex
CREATE INDEX "FollowUpTask_patientId_dueAt_idx" ON "FollowUpTask"("patientId", "dueAt");

-- CreateIndex
CREATE INDEX "Segment_companyId_idx" ON "Segment"("companyId");

-- CreateIndex
CREATE INDEX "QualificationApplication_companyId_createdAt_idx" ON "QualificationApplication"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "QualificationApplication_status_submittedAt_idx" ON "QualificationApplication"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "QualificationDocument_applicationId_kind_key" ON "QualificationDocument"("applicationId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "SmsTemplate_companyId_name_key" ON "SmsTemplate"("companyId", "name");

-- CreateIndex
CREATE INDEX "SmsQuotaEntry_companyId_createdAt_idx" ON "SmsQuotaEntry"("companyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SmsMessage_callId_key" ON "SmsMessage"("callId");

-- CreateIndex
CREATE INDEX "SmsMessage_companyId_createdAt_idx" ON "SmsMessage"("companyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CallBalanceEntry_callId_key" ON "CallBalanceEntry"("callId");

-- CreateIndex
CREATE INDEX "CallBalanceEntry_companyId_createdAt_idx" ON "CallBalanceEntry"("companyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Voice_key_key" ON "Voice"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ScriptTemplate_companyId_key_key" ON "ScriptTemplate"("companyId", "key");

-- CreateIndex
CREATE INDEX "Script_companyId_status_idx" ON "Script"("companyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Script_companyId_name_key" ON "Script"("companyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CallTask_rosterEntryId_key" ON "CallTask"("rosterEntryId");

-- CreateIndex
CREATE INDEX "CallTask_status_nextAttemptAt_idx" ON "CallTask"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "CallTask_scriptId_status_idx" ON "CallTask"("scriptId", "status");

-- CreateIndex
CREATE INDEX "CallTask_companyId_mobile_createdAt_idx" ON "CallTask"("companyId", "mobile", "createdAt");

-- CreateIndex
CREATE INDEX "CallTask_companyId_createdAt_idx" ON "CallTask"("companyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Call_carrierCallId_key" ON "Call"("carrierCallId");

-- CreateIndex
CREATE INDEX "Call_companyId_dialedAt_idx" ON "Call"("companyId", "dialedAt");

-- CreateIndex
CREATE INDEX "Call_scriptId_dialedAt_idx" ON "Call"("scriptId", "dialedAt");

-- CreateIndex
CREATE INDEX "Call_companyId_mobile_dialedAt_idx" ON "Call"("companyId", "mobile", "dialedAt");

-- CreateIndex
CREATE INDEX "Call_patientId_dialedAt_idx" ON "Call"("patientId", "dialedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Call_taskId_attempt_key" ON "Call"("taskId", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "Recording_callId_key" ON "Recording"("callId");

-- CreateIndex
CREATE UNIQUE INDEX "CarrierEvent_carrierEventId_key" ON "CarrierEvent"("carrierEventId");

-- CreateIndex
CREATE INDEX "CarrierEvent_carrierCallId_idx" ON "CarrierEvent"("carrierCallId");

-- CreateIndex
CREATE INDEX "Journey_companyId_status_idx" ON "Journey"("companyId", "status");

-- CreateIndex
CREATE INDEX "JourneyNode_journeyId_idx" ON "JourneyNode"("journeyId");

-- CreateIndex
CREATE INDEX "JourneyEdge_journeyId_idx" ON "JourneyEdge"("journeyId");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyRun_journeyId_scheduledFor_key" ON "JourneyRun"("journeyId", "scheduledFor");

-- CreateIndex
CREATE INDEX "JourneyRosterEntry_journeyId_enteredAt_idx" ON "JourneyRosterEntry"("journeyId", "enteredAt");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyRosterEntry_nodeId_runId_patientId_key" ON "JourneyRosterEntry"("nodeId", "runId", "patientId");

-- CreateIndex
CREATE INDEX "DncEntry_mobile_idx" ON "DncEntry"("mobile");

-- CreateIndex
CREATE UNIQUE INDEX "DncEntry_companyId_kind_mobile_key" ON "DncEntry"("companyId", "kind", "mobile");

-- CreateIndex
CREATE INDEX "AuditLog_companyId_createdAt_idx" ON "AuditLog"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- AddForeignKey
ALTER TABLE "Clinic" ADD CONSTRAINT "Clinic_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePermission" ADD CONSTRAINT "RolePermission_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserClinic" ADD CONSTRAINT "UserClinic_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserClinic" ADD CONSTRAINT "UserClinic_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_onlineConsultantId_fkey" FOREIGN KEY ("onlineConsultantId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentDeduction" ADD CONSTRAINT "TreatmentDeduction_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentDeduction" ADD CONSTRAINT "TreatmentDeduction_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Benefit" ADD CONSTRAINT "Benefit_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Benefit" ADD CONSTRAINT "Benefit_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpTask" ADD CONSTRAINT "FollowUpTask_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpTask" ADD CONSTRAINT "FollowUpTask_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpTask" ADD CONSTRAINT "FollowUpTask_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpTask" ADD CONSTRAINT "FollowUpTask_executorId_fkey" FOREIGN KEY ("executorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualificationApplication" ADD CONSTRAINT "QualificationApplication_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualificationApplication" ADD CONSTRAINT "QualificationApplication_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualificationDocument" ADD CONSTRAINT "QualificationDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "QualificationApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsTemplate" ADD CONSTRAINT "SmsTemplate_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsQuotaEntry" ADD CONSTRAINT "SmsQuotaEntry_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsMessage" ADD CONSTRAINT "SmsMessage_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsMessage" ADD CONSTRAINT "SmsMessage_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsMessage" ADD CONSTRAINT "SmsMessage_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsMessage" ADD CONSTRAINT "SmsMessage_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "SmsTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallBalanceEntry" ADD CONSTRAINT "CallBalanceEntry_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptTemplate" ADD CONSTRAINT "ScriptTemplate_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptTemplate" ADD CONSTRAINT "ScriptTemplate_voiceId_fkey" FOREIGN KEY ("voiceId") REFERENCES "Voice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ScriptTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_voiceId_fkey" FOREIGN KEY ("voiceId") REFERENCES "Voice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_hangupSmsAnsweredTemplateId_fkey" FOREIGN KEY ("hangupSmsAnsweredTemplateId") REFERENCES "SmsTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_hangupSmsUnansweredTemplateId_fkey" FOREIGN KEY ("hangupSmsUnansweredTemplateId") REFERENCES "SmsTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptClinic" ADD CONSTRAINT "ScriptClinic_scriptId_fkey" FOREIGN KEY ("scriptId") REFERENCES "Script"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptClinic" ADD CONSTRAINT "ScriptClinic_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallBatch" ADD CONSTRAINT "CallBatch_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallBatch" ADD CONSTRAINT "CallBatch_scriptId_fkey" FOREIGN KEY ("scriptId") REFERENCES "Script"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTask" ADD CONSTRAINT "CallTask_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTask" ADD CONSTRAINT "CallTask_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTask" ADD CONSTRAINT "CallTask_scriptId_fkey" FOREIGN KEY ("scriptId") REFERENCES "Script"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTask" ADD CONSTRAINT "CallTask_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTask" ADD CONSTRAINT "CallTask_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "CallBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTask" ADD CONSTRAINT "CallTask_rosterEntryId_fkey" FOREIGN KEY ("rosterEntryId") REFERENCES "JourneyRosterEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTask" ADD CONSTRAINT "CallTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_scriptId_fkey" FOREIGN KEY ("scriptId") REFERENCES "Script"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "CallTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarrierEvent" ADD CONSTRAINT "CarrierEvent_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Journey" ADD CONSTRAINT "Journey_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Journey" ADD CONSTRAINT "Journey_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyNode" ADD CONSTRAINT "JourneyNode_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEdge" ADD CONSTRAINT "JourneyEdge_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEdge" ADD CONSTRAINT "JourneyEdge_sourceNodeId_fkey" FOREIGN KEY ("sourceNodeId") REFERENCES "JourneyNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEdge" ADD CONSTRAINT "JourneyEdge_targetNodeId_fkey" FOREIGN KEY ("targetNodeId") REFERENCES "JourneyNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRun" ADD CONSTRAINT "JourneyRun_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRosterEntry" ADD CONSTRAINT "JourneyRosterEntry_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRosterEntry" ADD CONSTRAINT "JourneyRosterEntry_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "JourneyNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRosterEntry" ADD CONSTRAINT "JourneyRosterEntry_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JourneyRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyRosterEntry" ADD CONSTRAINT "JourneyRosterEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DncEntry" ADD CONSTRAINT "DncEntry_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

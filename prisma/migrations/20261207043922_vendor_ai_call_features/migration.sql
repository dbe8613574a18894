-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "transferredTo" TEXT,
ADD COLUMN     "vendorExtraction" JSONB;

-- AlterTable
ALTER TABLE "Clinic" ADD COLUMN     "frontDeskSkillGroupId" INTEGER;

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "aiCallFeatures" JSONB;


-- AlterTable
ALTER TABLE "Clinic" ADD COLUMN     "followUpCallbackByHour" INTEGER,
ADD COLUMN     "followUpComplaintHours" INTEGER,
ADD COLUMN     "followUpOthersByHour" INTEGER;


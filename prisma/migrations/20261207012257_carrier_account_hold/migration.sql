-- AlterTable
ALTER TABLE "CallTask" ADD COLUMN     "vendorRefusals" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "callingHeldAt" TIMESTAMP(3),
ADD COLUMN     "callingHoldCode" TEXT,
ADD COLUMN     "callingHoldProbeAt" TIMESTAMP(3),
ADD COLUMN     "vendorUnknownStreak" INTEGER NOT NULL DEFAULT 0;

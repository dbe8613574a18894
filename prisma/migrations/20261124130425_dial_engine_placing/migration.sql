-- AlterTable
ALTER TABLE "CallTask" ADD COLUMN     "placingAt" TIMESTAMP(3);

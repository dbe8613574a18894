-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "alertAnswerRatePercent" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "alertBalanceMinutes" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "alertByWebhook" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "alertInterceptedPercent" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "alertSmsMobile" TEXT;

-- CreateTable
CREATE TABLE "MonitorAlertSent" (
    "companyId" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitorAlertSent_pkey" PRIMARY KEY ("companyId","cause")
);

-- AddForeignKey
ALTER TABLE "MonitorAlertSent" ADD CONSTRAINT "MonitorAlertSent_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;


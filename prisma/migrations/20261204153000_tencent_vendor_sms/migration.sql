-- AlterTable
ALTER TABLE "SmsMessage" ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "providerMessageId" TEXT;

-- AlterTable
ALTER TABLE "SmsTemplate" ADD COLUMN     "vendorTemplateId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SmsMessage_providerMessageId_key" ON "SmsMessage"("providerMessageId");


-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "variantId" TEXT;

-- AlterTable
ALTER TABLE "CallTask" ADD COLUMN     "variantId" TEXT;

-- AlterTable
ALTER TABLE "Script" ADD COLUMN     "abEndedAt" TIMESTAMP(3),
ADD COLUMN     "abKeptVariantId" TEXT;

-- CreateTable
CREATE TABLE "ScriptVariant" (
    "id" TEXT NOT NULL,
    "scriptId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "opening" TEXT,
    "offer" TEXT,
    "voiceId" TEXT,
    "sharePercent" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScriptVariant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScriptVariant_scriptId_key_key" ON "ScriptVariant"("scriptId", "key");

-- AddForeignKey
ALTER TABLE "ScriptVariant" ADD CONSTRAINT "ScriptVariant_scriptId_fkey" FOREIGN KEY ("scriptId") REFERENCES "Script"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptVariant" ADD CONSTRAINT "ScriptVariant_voiceId_fkey" FOREIGN KEY ("voiceId") REFERENCES "Voice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTask" ADD CONSTRAINT "CallTask_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ScriptVariant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ScriptVariant"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "Company" ALTER COLUMN "seatLimit" DROP NOT NULL,
ALTER COLUMN "seatLimit" DROP DEFAULT,
ALTER COLUMN "seatsPerScript" DROP NOT NULL,
ALTER COLUMN "seatsPerScript" DROP DEFAULT,
ALTER COLUMN "dialsPerMinuteScript" DROP NOT NULL,
ALTER COLUMN "dialsPerMinuteScript" DROP DEFAULT,
ALTER COLUMN "redialMaxAttempts" DROP NOT NULL,
ALTER COLUMN "redialMaxAttempts" DROP DEFAULT,
ALTER COLUMN "redialIntervalMin" DROP NOT NULL,
ALTER COLUMN "redialIntervalMin" DROP DEFAULT;

-- Companies created with the old column defaults were never given limits of their own: they follow the product's
-- (PRODUCT_LIMITS in server/domain/calling-policy/limits.ts) from now on. Values customer service changed stay.
UPDATE "Company" SET "seatLimit" = NULL WHERE "seatLimit" = 1000;
UPDATE "Company" SET "seatsPerScript" = NULL WHERE "seatsPerScript" = 50;
UPDATE "Company" SET "dialsPerMinuteScript" = NULL WHERE "dialsPerMinuteScript" = 60;
UPDATE "Company" SET "redialMaxAttempts" = NULL WHERE "redialMaxAttempts" = 2;
UPDATE "Company" SET "redialIntervalMin" = NULL WHERE "redialIntervalMin" = 30;

-- A task's attempts are the company's redialMaxAttempts when it is created, always written by its creator.
ALTER TABLE "CallTask" ALTER COLUMN "maxAttempts" DROP DEFAULT;

-- Issue 26: a 转人工 that nobody answered asks for a person (回访任务 转人工未接通).
ALTER TYPE "FollowUpReason" ADD VALUE 'transferUnanswered';

ALTER TABLE "Call" ADD COLUMN "transferAnswered" BOOLEAN;

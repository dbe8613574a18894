-- Issue 26: the calls' own figures in OutcomeDailyTotal (per batch, journey node and variant), so no funnel reads Call
-- rows. Backfill from the Call rows (the same definitions as recountCallTotals).
-- AlterTable
ALTER TABLE "OutcomeDailyTotal" ADD COLUMN     "answeredCalls" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "billedMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dialedCalls" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "effectiveCalls" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "interestedCalls" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "smsCalls" INTEGER NOT NULL DEFAULT 0;


INSERT INTO "OutcomeDailyTotal" ("scriptId", "clinicId", source, "batchId", "journeyId", "nodeId", "variantId", day, "companyId",
                                 "dialedCalls", "answeredCalls", "effectiveCalls", "interestedCalls", "billedMinutes", "smsCalls")
SELECT c."scriptId", c."clinicId", t.source, coalesce(t."batchId", ''), coalesce(r."journeyId", ''), coalesce(r."nodeId", ''),
       coalesce(t."variantId", ''), (c."dialedAt" + interval '8 hours')::date, c."companyId",
       count(*)::int,
       count(*) FILTER (WHERE c.outcome = 'answered')::int,
       count(*) FILTER (WHERE c.outcome = 'answered' AND c.rounds >= 2)::int,
       count(*) FILTER (WHERE c.outcome = 'answered'
                          AND (c.intent = ANY (ARRAY['interested', 'somewhatInterested', 'confirmed', 'reschedule']) OR c."proposedTime" IS NOT NULL))::int,
       coalesce(sum(ceil(c."durationSec" / 60.0)) FILTER (WHERE c.outcome = 'answered'), 0)::int,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "SmsMessage" s WHERE s."callId" = c.id AND s.status <> 'failed'))::int
  FROM "Call" c JOIN "CallTask" t ON t.id = c."taskId" LEFT JOIN "JourneyRosterEntry" r ON r.id = t."rosterEntryId"
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ON CONFLICT ("scriptId", "clinicId", source, "batchId", "journeyId", "nodeId", "variantId", day) DO UPDATE SET
  "dialedCalls" = EXCLUDED."dialedCalls", "answeredCalls" = EXCLUDED."answeredCalls", "effectiveCalls" = EXCLUDED."effectiveCalls",
  "interestedCalls" = EXCLUDED."interestedCalls", "billedMinutes" = EXCLUDED."billedMinutes", "smsCalls" = EXCLUDED."smsCalls";

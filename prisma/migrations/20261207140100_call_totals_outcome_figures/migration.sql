-- Issue 26: 效果分析's 有意向, billed minutes and hang-up SMS in the running totals (docs/metrics.md), so no funnel reads
-- the Call rows for them. Backfill: the figures of every existing call, filed on the key's shard 0 (totals are summed
-- over shards); the same definitions as recountCallTotals (INTERESTED_INTENTS of server/domain/outcomes/attribution.ts).
ALTER TABLE "CallDailyTotal" ADD COLUMN "billedMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "interestedCalls" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "smsCalls" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "CallDailyTotal" ("scriptId", "clinicId", source, day, shard, "companyId", "billedMinutes", "interestedCalls", "smsCalls")
SELECT c."scriptId", c."clinicId", t.source, (c."dialedAt" + interval '8 hours')::date, 0, c."companyId",
       coalesce(sum(ceil(c."durationSec" / 60.0)) FILTER (WHERE c.outcome = 'answered'), 0)::int,
       count(*) FILTER (WHERE c.outcome = 'answered'
                          AND (c.intent = ANY (ARRAY['interested', 'somewhatInterested', 'confirmed', 'reschedule']) OR c."proposedTime" IS NOT NULL))::int,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "SmsMessage" s WHERE s."callId" = c.id AND s.status <> 'failed'))::int
  FROM "Call" c JOIN "CallTask" t ON t.id = c."taskId"
 GROUP BY 1, 2, 3, 4, 6
ON CONFLICT ("scriptId", "clinicId", source, day, shard) DO UPDATE SET
  "billedMinutes" = EXCLUDED."billedMinutes", "interestedCalls" = EXCLUDED."interestedCalls", "smsCalls" = EXCLUDED."smsCalls";

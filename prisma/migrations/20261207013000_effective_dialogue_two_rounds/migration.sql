-- 有效对话 = an answered call of at least two rounds (对话达2轮以上, 以上 includes 2), a round = an AI line the patient
-- replied to (server/domain/calls/transcript.ts countRounds, call-metrics.ts EFFECTIVE_DIALOGUE_MIN_ROUNDS).
-- Until now the counters took more than two rounds, and some writers stored rounds counted another way. This data
-- migration recounts Call.rounds from the stored transcripts, then the 有效对话 parts of the running totals, the same way
-- recountCallTotals does. The thresholds below are those of this moment, written out on purpose (a migration is history).

-- 1. Call.rounds from the transcript (an array of turns, or { turns: [...] }; speakers ai/bot and patient/callee).
WITH turns AS (
  SELECT c.id, e.ord,
         CASE WHEN e.v->>'speaker' IN ('ai', 'bot') THEN 'ai' WHEN e.v->>'speaker' IN ('patient', 'callee') THEN 'patient' END AS speaker
  FROM "Call" c
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(c.transcript) = 'array' THEN c.transcript
         WHEN jsonb_typeof(c.transcript) = 'object' AND jsonb_typeof(c.transcript->'turns') = 'array' THEN c.transcript->'turns'
         ELSE '[]'::jsonb END
  ) WITH ORDINALITY AS e(v, ord)
  WHERE c.transcript IS NOT NULL AND jsonb_typeof(e.v) = 'object' AND jsonb_typeof(e.v->'text') = 'string'
), spoken AS (
  SELECT id, speaker, lag(speaker) OVER (PARTITION BY id ORDER BY ord) AS previous FROM turns WHERE speaker IS NOT NULL
), counted AS (
  SELECT id, count(*) FILTER (WHERE speaker = 'patient' AND previous = 'ai')::int AS rounds FROM spoken GROUP BY id
)
UPDATE "Call" c SET rounds = counted.rounds FROM counted WHERE c.id = counted.id AND c.rounds <> counted.rounds;

-- 2. 有效对话通话数 per script × clinic × source × China-time dial day, filed on shard 0 (the shards are summed).
UPDATE "CallDailyTotal" SET "effectiveCalls" = 0 WHERE "effectiveCalls" <> 0;

INSERT INTO "CallDailyTotal" ("scriptId", "clinicId", source, day, shard, "companyId", "effectiveCalls")
SELECT c."scriptId", c."clinicId", t.source, (c."dialedAt" + interval '8 hours')::date, 0, c."companyId", count(*)::int
FROM "Call" c JOIN "CallTask" t ON t.id = c."taskId"
WHERE c.outcome = 'answered' AND c.rounds >= 2
GROUP BY c."scriptId", c."clinicId", t.source, (c."dialedAt" + interval '8 hours')::date, c."companyId"
ON CONFLICT ("scriptId", "clinicId", source, day, shard) DO UPDATE SET "effectiveCalls" = EXCLUDED."effectiveCalls";

-- 3. 有效对话客户数: the clinics where a patient had an effective call, per script and per company.
UPDATE "ScriptAnsweredPatient" s
SET "effectiveClinicIds" = coalesce(
  (SELECT array_agg(DISTINCT c."clinicId" ORDER BY c."clinicId") FROM "Call" c
   WHERE c."scriptId" = s."scriptId" AND c."patientId" = s."patientId" AND c.outcome = 'answered' AND c.rounds >= 2),
  ARRAY[]::text[]);

UPDATE "AnsweredPatient" a
SET "effectiveClinicIds" = coalesce(
  (SELECT array_agg(DISTINCT clinic ORDER BY clinic) FROM "ScriptAnsweredPatient" s, unnest(s."effectiveClinicIds") AS clinic
   WHERE s."companyId" = a."companyId" AND s."patientId" = a."patientId"),
  ARRAY[]::text[]);

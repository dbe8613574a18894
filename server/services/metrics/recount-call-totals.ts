import type { Tx } from "@/server/db/create-client";
import { EFFECTIVE_DIALOGUE_MIN_ROUNDS } from "@/server/domain/calls/call-metrics";
import { INTERESTED_INTENTS } from "@/server/domain/outcomes/attribution";
import { Prisma } from "@/server/generated/prisma/client";
import { daySql } from "./call-totals";

/**
 * Rebuilds a company's running totals (CallDailyTotal, the call figures of OutcomeDailyTotal, AnsweredPatient,
 * ScriptAnsweredPatient) from its CallTask and
 * Call rows. For writers that insert tasks or calls directly instead of through the transitions — seeds, bench world
 * builders, test fixtures — and for repairs. Run it when no dialer is working on the company (a transition committed
 * during the rebuild could be counted twice or not at all); call it with a transaction to make the swap atomic.
 */
export async function recountCallTotals(db: Tx, companyId: string): Promise<void> {
  const effective = Prisma.sql`c.outcome = 'answered' AND c.rounds >= ${EFFECTIVE_DIALOGUE_MIN_ROUNDS}`;
  const interested = Prisma.sql`c.outcome = 'answered' AND (c.intent = ANY(${[...INTERESTED_INTENTS]}::text[]) OR c."proposedTime" IS NOT NULL)`;
  const smsSent = Prisma.sql`EXISTS (SELECT 1 FROM "SmsMessage" s WHERE s."callId" = c.id AND s.status <> 'failed')`;
  await db.$executeRaw`DELETE FROM "CallDailyTotal" WHERE "companyId" = ${companyId}`;
  await db.$executeRaw`DELETE FROM "AnsweredPatient" WHERE "companyId" = ${companyId}`;
  await db.$executeRaw`DELETE FROM "ScriptAnsweredPatient" WHERE "companyId" = ${companyId}`;
  await db.$executeRaw`
    INSERT INTO "CallDailyTotal" ("scriptId", "clinicId", source, day, "companyId", "pendingTasks", "interceptedTasks", "failedTasks",
                                  "dialedCalls", "failedCalls", "answeredCalls", "effectiveCalls", "answeredSeconds",
                                  "billedMinutes", "interestedCalls", "smsCalls")
    SELECT "scriptId", "clinicId", source, day, ${companyId}, sum(pending), sum(intercepted), sum(failed),
           sum(dialed), sum(failed_calls), sum(answered), sum(effective), sum(seconds), sum(minutes), sum(interested), sum(sms)
    FROM (
      SELECT t."scriptId", t."clinicId", t.source, ${daySql(Prisma.sql`t."createdAt"`)} AS day,
             count(*) FILTER (WHERE t.status IN ('pending', 'dialing')) AS pending,
             count(*) FILTER (WHERE t.status = 'intercepted') AS intercepted,
             count(*) FILTER (WHERE t.status IN ('failed', 'cancelled')) AS failed,
             0 AS dialed, 0 AS failed_calls, 0 AS answered, 0 AS effective, 0 AS seconds, 0 AS minutes, 0 AS interested, 0 AS sms
      FROM "CallTask" t WHERE t."companyId" = ${companyId}
      GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT c."scriptId", c."clinicId", t.source, ${daySql(Prisma.sql`c."dialedAt"`)},
             0, 0, 0, count(*), count(*) FILTER (WHERE c.outcome = 'failed'), count(*) FILTER (WHERE c.outcome = 'answered'), count(*) FILTER (WHERE ${effective}),
             coalesce(sum(c."durationSec") FILTER (WHERE c.outcome = 'answered'), 0),
             coalesce(sum(ceil(c."durationSec" / 60.0)) FILTER (WHERE c.outcome = 'answered'), 0),
             count(*) FILTER (WHERE ${interested}), count(*) FILTER (WHERE ${smsSent})
      FROM "Call" c JOIN "CallTask" t ON t.id = c."taskId" WHERE c."companyId" = ${companyId}
      GROUP BY 1, 2, 3, 4
    ) parts
    GROUP BY 1, 2, 3, 4`;
  // The calls' figures by batch, journey node and variant (OutcomeDailyTotal; its credited sums are recountOutcomes').
  await db.$executeRaw`
    UPDATE "OutcomeDailyTotal" SET "dialedCalls" = 0, "answeredCalls" = 0, "effectiveCalls" = 0, "interestedCalls" = 0, "billedMinutes" = 0, "smsCalls" = 0
     WHERE "companyId" = ${companyId}
       AND ("dialedCalls" <> 0 OR "answeredCalls" <> 0 OR "effectiveCalls" <> 0 OR "interestedCalls" <> 0 OR "billedMinutes" <> 0 OR "smsCalls" <> 0)`;
  await db.$executeRaw`
    INSERT INTO "OutcomeDailyTotal" ("scriptId", "clinicId", source, "batchId", "journeyId", "nodeId", "variantId", day, "companyId",
                                     "dialedCalls", "answeredCalls", "effectiveCalls", "interestedCalls", "billedMinutes", "smsCalls")
    SELECT c."scriptId", c."clinicId", t.source, coalesce(t."batchId", ''), coalesce(r."journeyId", ''), coalesce(r."nodeId", ''),
           coalesce(t."variantId", ''), ${daySql(Prisma.sql`c."dialedAt"`)}, ${companyId},
           count(*), count(*) FILTER (WHERE c.outcome = 'answered'), count(*) FILTER (WHERE ${effective}), count(*) FILTER (WHERE ${interested}),
           coalesce(sum(ceil(c."durationSec" / 60.0)) FILTER (WHERE c.outcome = 'answered'), 0), count(*) FILTER (WHERE ${smsSent})
      FROM "Call" c JOIN "CallTask" t ON t.id = c."taskId" LEFT JOIN "JourneyRosterEntry" r ON r.id = t."rosterEntryId"
     WHERE c."companyId" = ${companyId}
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ("scriptId", "clinicId", source, "batchId", "journeyId", "nodeId", "variantId", day) DO UPDATE SET
      "dialedCalls" = EXCLUDED."dialedCalls", "answeredCalls" = EXCLUDED."answeredCalls", "effectiveCalls" = EXCLUDED."effectiveCalls",
      "interestedCalls" = EXCLUDED."interestedCalls", "billedMinutes" = EXCLUDED."billedMinutes", "smsCalls" = EXCLUDED."smsCalls"`;
  await db.$executeRaw`
    INSERT INTO "ScriptAnsweredPatient" ("scriptId", "patientId", "companyId", "clinicIds", "effectiveClinicIds")
    SELECT "scriptId", "patientId", ${companyId}, array_agg("clinicId" ORDER BY "clinicId"),
           coalesce(array_agg("clinicId" ORDER BY "clinicId") FILTER (WHERE effective), ARRAY[]::text[])
    FROM (SELECT c."scriptId", c."patientId", c."clinicId", bool_or(${effective}) AS effective
          FROM "Call" c WHERE c."companyId" = ${companyId} AND c.outcome = 'answered' GROUP BY 1, 2, 3) per_clinic
    GROUP BY 1, 2`;
  await db.$executeRaw`
    INSERT INTO "AnsweredPatient" ("companyId", "patientId", "clinicIds", "effectiveClinicIds")
    SELECT ${companyId}, "patientId", array_agg(DISTINCT clinic ORDER BY clinic),
           coalesce(array_agg(DISTINCT clinic ORDER BY clinic) FILTER (WHERE effective), ARRAY[]::text[])
    FROM (SELECT "patientId", unnest("clinicIds") AS clinic, false AS effective FROM "ScriptAnsweredPatient" WHERE "companyId" = ${companyId}
          UNION ALL
          SELECT "patientId", unnest("effectiveClinicIds"), true FROM "ScriptAnsweredPatient" WHERE "companyId" = ${companyId}) clinics
    GROUP BY 2`;
}

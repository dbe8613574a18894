/** The demo dialer's results, written in bulk the way the dial engine writes them one by one. */
import type { Prisma } from "../../../server/generated/prisma/client";
import type { PrismaClient } from "../db";
import { insertChunked } from "../db";
import { insertCallRows, type CallRow } from "../seed-call-records";

/** A timestamp column's value (Prisma stores UTC wall-clock time in \`timestamp(3)\`), whatever the session's zone. */
const utc = (d: Date | undefined) => (d ? d.toISOString().replace("Z", "") : null);

export interface TaskUpdate {
  status: "pending" | "ended" | "intercepted" | "failed";
  reason: string | null;
  attempt: number;
  finishedAt?: Date;
  nextAttemptAt?: Date;
  lastOutcome?: string | null;
  intent?: string | null;
}

export class Writes {
  calls: CallRow[] = [];
  recordings: Prisma.RecordingCreateManyInput[] = [];
  sms: Prisma.SmsMessageCreateManyInput[] = [];
  quota: Prisma.SmsQuotaEntryCreateManyInput[] = [];
  balance: Prisma.CallBalanceEntryCreateManyInput[] = [];
  /** Numbers whose patient asked not to be called again, with the call and the sentence (the DNC entry shows them). */
  optOuts = new Map<string, { callId: string; trigger: string | null }>();
  private tasks = new Map<string, TaskUpdate>();

  task(id: string, update: TaskUpdate) {
    this.tasks.set(id, update);
  }

  async write(db: PrismaClient, companyId: string) {
    await insertCallRows(db, this.calls);
    const updates = [...this.tasks.entries()];
    await insertChunked(updates, (chunk) =>
      db.$executeRaw`
        UPDATE "CallTask" t SET
          status = u.status::"CallTaskStatus", reason = u.reason, attempt = u.attempt,
          "finishedAt" = u."finishedAt", "nextAttemptAt" = coalesce(u."nextAttemptAt", t."nextAttemptAt"),
          "lastOutcome" = u."lastOutcome"::"CallOutcome", intent = u.intent,
          "updatedAt" = coalesce(u."finishedAt", u."nextAttemptAt", t."updatedAt")
        FROM unnest(
          ${chunk.map(([id]) => id)}::text[], ${chunk.map(([, u]) => u.status)}::text[], ${chunk.map(([, u]) => u.reason)}::text[],
          ${chunk.map(([, u]) => u.attempt)}::int[], ${chunk.map(([, u]) => utc(u.finishedAt))}::timestamp(3)[],
          ${chunk.map(([, u]) => utc(u.nextAttemptAt))}::timestamp(3)[], ${chunk.map(([, u]) => u.lastOutcome ?? null)}::text[],
          ${chunk.map(([, u]) => u.intent ?? null)}::text[]
        ) AS u(id, status, reason, attempt, "finishedAt", "nextAttemptAt", "lastOutcome", intent)
        WHERE t.id = u.id`,
    );
    await insertChunked(this.recordings, (data) => db.recording.createMany({ data }));
    await insertChunked(this.sms, (data) => db.smsMessage.createMany({ data }));
    await insertChunked(this.quota, (data) => db.smsQuotaEntry.createMany({ data }));
    await insertChunked(this.balance, (data) => db.callBalanceEntry.createMany({ data }));
    if (this.optOuts.size) {
      await db.dncEntry.createMany({
        data: [...this.optOuts].map(([mobile, o]) => ({
          companyId,
          kind: "optOut" as const,
          mobile,
          reason: "通话中客户要求不再来电",
          source: "callIntent",
          callId: o.callId,
          triggerSentence: o.trigger,
        })),
        skipDuplicates: true,
      });
    }
  }
}

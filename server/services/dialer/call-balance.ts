import type { Tx } from "@/server/db/create-client";

/** Billed minutes of a call: every started minute of talk; unanswered calls are free. */
export function billedMinutes(talkSeconds: number, answered: boolean): number {
  if (!answered || talkSeconds <= 0) return 0;
  return Math.ceil(talkSeconds / 60);
}

export interface CallDebit {
  companyId: string;
  callId: string;
  minutes: number;
  at: Date;
}

/**
 * Debits finished calls once each (CallBalanceEntry.callId is unique) in one statement, inside the transaction that
 * records their results, and reports each debited call's balance after it, as if they were debited one by one in the
 * order given: the company's balance after all of them, plus the debits that come later in `debits`. Calls without
 * minutes, or already debited, are absent.
 */
export async function debitCalls(tx: Tx, debits: readonly CallDebit[]): Promise<Map<string, number>> {
  const due = debits.filter((d) => d.minutes > 0);
  if (due.length === 0) return new Map();
  const inserted = await tx.$queryRaw<{ callId: string }[]>`
    INSERT INTO "CallBalanceEntry" (id, "companyId", delta, reason, "callId", "createdAt")
    SELECT 'cb_' || v.call, v.company, v.delta, 'call', v.call, v.at::timestamp(3)
    FROM unnest(${due.map((d) => d.callId)}::text[], ${due.map((d) => d.companyId)}::text[], ${due.map((d) => -d.minutes)}::int[],
                ${due.map((d) => d.at.toISOString())}::text[]) AS v(call, company, delta, at)
    ORDER BY v.call
    ON CONFLICT ("callId") DO NOTHING
    RETURNING "callId"`;
  const debited = new Set(inserted.map((r) => r.callId));
  const done = due.filter((d) => debited.has(d.callId));
  if (done.length === 0) return new Map();
  const companies = [...new Set(done.map((d) => d.companyId))];
  const sums = await tx.$queryRaw<{ companyId: string; balance: bigint | null }[]>`
    SELECT "companyId", sum(delta) AS balance FROM "CallBalanceEntry" WHERE "companyId" = ANY(${companies}::text[]) GROUP BY 1`;
  const running = new Map(companies.map((c) => [c, 0]));
  for (const s of sums) running.set(s.companyId, Number(s.balance ?? 0));
  const after = new Map<string, number>();
  for (let i = done.length - 1; i >= 0; i--) {
    const d = done[i]!;
    after.set(d.callId, running.get(d.companyId)!);
    running.set(d.companyId, running.get(d.companyId)! + d.minutes);
  }
  return after;
}

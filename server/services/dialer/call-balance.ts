import type { Tx } from "@/server/db/create-client";
import { getCallBalance } from "@/server/services/scripts/get-call-balance";


/** Billed minutes of a call: every started minute of talk; unanswered calls are free. */
export function billedMinutes(talkSeconds: number, answered: boolean): number {
  if (!answered || talkSeconds <= 0) return 0;
  return Math.ceil(talkSeconds / 60);
}

/**
 * Debits a finished call once (CallBalanceEntry.callId is unique) and reports the balance after it. Called inside the
 * transaction that records the call's result.
 */
export async function debitCall(tx: Tx, input: { companyId: string; callId: string; minutes: number; at: Date }): Promise<number | null> {
  if (input.minutes <= 0) return null;
  const inserted = await tx.$executeRaw`
    INSERT INTO "CallBalanceEntry" (id, "companyId", delta, reason, "callId", "createdAt")
    VALUES (${`cb_${input.callId}`}, ${input.companyId}, ${-input.minutes}, 'call', ${input.callId}, ${input.at})
    ON CONFLICT ("callId") DO NOTHING`;
  if (inserted === 0) return null;
  return getCallBalance(tx, input.companyId);
}

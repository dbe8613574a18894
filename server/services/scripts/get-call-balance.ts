import type { Tx } from "@/server/db/create-client";

/** 余额: the company's call credits, the sum of its ledger. */
export async function getCallBalance(db: Tx, companyId: string): Promise<number> {
  const agg = await db.callBalanceEntry.aggregate({ where: { companyId }, _sum: { delta: true } });
  return agg._sum.delta ?? 0;
}

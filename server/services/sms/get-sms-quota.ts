import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";

export const getSmsQuotaInput = z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) }).default({ page: 1, pageSize: 20 });

/** 短信余量: the balance (sum of the ledger) and the ledger, newest first. Each hang-up SMS sent uses its segments. */
export async function getSmsQuota(db: Tx, scope: Scope, raw: z.input<typeof getSmsQuotaInput>) {
  const input = getSmsQuotaInput.parse(raw);
  const where = { companyId: scope.companyId };
  const [sum, total, entries] = await Promise.all([
    db.smsQuotaEntry.aggregate({ where, _sum: { delta: true } }),
    db.smsQuotaEntry.count({ where }),
    db.smsQuotaEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, delta: true, reason: true, refId: true, createdAt: true },
    }),
  ]);
  return { balance: sum._sum.delta ?? 0, total, entries };
}

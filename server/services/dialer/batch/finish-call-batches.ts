import type { PrismaClient } from "@/server/db/create-client";
import { Prisma } from "@/server/generated/prisma/client";
import { queueWebhookEvent, requestWebhookDeliveries } from "@/server/services/webhooks/emit-webhook-event";

type Finished = { id: string; companyId: string; scriptId: string; status: string; createdAt: Date };
type Figures = { batchId: string; status: string; count: number; answered: number; calls: number };

/**
 * The one writer of CallBatch.finishedAt (each dialer tick): a batch none of whose tasks is 待呼 or 呼叫中 any more — all
 * ended, intercepted, cancelled or failed, whether it ran out or was cancelled — is finished, once, and batch.finished
 * is queued in the same transaction. A paused batch with waiting tasks is not finished.
 */
export async function finishCallBatches(db: PrismaClient, now: Date, companyId?: string) {
  const { finished, deliveryIds } = await db.$transaction(async (tx) => {
    const finished = await tx.$queryRaw<Finished[]>`
      UPDATE "CallBatch" b SET "finishedAt" = ${now}
      WHERE b."finishedAt" IS NULL ${companyId ? Prisma.sql`AND b."companyId" = ${companyId}` : Prisma.empty}
        AND EXISTS (SELECT 1 FROM "CallTask" t WHERE t."batchId" = b.id)
        AND NOT EXISTS (SELECT 1 FROM "CallTask" t WHERE t."batchId" = b.id AND t.status IN ('pending', 'dialing', 'inCall'))
      RETURNING b.id, b."companyId", b."scriptId", b.status::text AS status, b."createdAt"`;
    if (finished.length === 0) return { finished, deliveryIds: [] as string[] };
    const figures = await tx.$queryRaw<Figures[]>`
      SELECT t."batchId", t.status::text AS status, count(*)::int AS count,
             count(*) FILTER (WHERE t."lastOutcome" = 'answered')::int AS answered,
             coalesce(sum((SELECT count(*) FROM "Call" c WHERE c."taskId" = t.id)), 0)::int AS calls
      FROM "CallTask" t WHERE t."batchId" = ANY(${finished.map((b) => b.id)}::text[])
      GROUP BY 1, 2`;
    const deliveryIds: string[] = [];
    for (const b of finished) {
      const mine = figures.filter((f) => f.batchId === b.id);
      const tasks = Object.fromEntries(["ended", "intercepted", "cancelled", "failed"].map((s) => [s, mine.find((f) => f.status === s)?.count ?? 0]));
      const data = {
        id: b.id,
        scriptId: b.scriptId,
        status: b.status,
        createdAt: b.createdAt.toISOString(),
        finishedAt: now.toISOString(),
        total: mine.reduce((n, f) => n + f.count, 0),
        tasks,
        answered: mine.reduce((n, f) => n + f.answered, 0),
        calls: mine.reduce((n, f) => n + f.calls, 0),
      };
      deliveryIds.push(...(await queueWebhookEvent(tx, b.companyId, "batch.finished", `batch.finished:${b.id}`, data, now)));
    }
    return { finished, deliveryIds };
  });
  await requestWebhookDeliveries(deliveryIds).catch((error) => console.warn("[finish-call-batches] webhook deliveries not requested (the retry sweep sends them)", error));
  return { finished: finished.map((b) => b.id) };
}

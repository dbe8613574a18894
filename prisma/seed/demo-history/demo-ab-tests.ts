/**
 * The demo's A/B tests (issue 26, docs/outcomes.md "A/B variants"): 种植牙专家面诊邀约 tests a free-consultation offer
 * against its own wording and books far more with it (a significant difference), 半年未到店老客唤醒 tests a warmer
 * opening at the same booking rate (a running test, no difference to call). The demo's calls were written in bulk
 * before; their tasks and calls get the variant the product's assignVariant gives each patient, as if the test had
 * been running from the start.
 */
import { assignVariant } from "../../../server/domain/scripts/ab-variant";
import type { PrismaClient } from "../db";
import type { DemoScriptKey, DemoScripts } from "./demo-scripts";

interface DemoVariant {
  key: "A" | "B";
  name: string;
  opening?: string;
  offer?: string;
  sharePercent: number;
  /** × the script's booking chance for patients who hear it */
  booking: number;
}

const TESTS: Partial<Record<DemoScriptKey, DemoVariant[]>> = {
  implant: [
    { key: "A", name: "原话术", sharePercent: 50, booking: 0.3 },
    { key: "B", name: "免挂号费专家面诊", offer: "本月种植专家面诊免挂号费，还送一次全景片检查，您看周末方便过来吗？", sharePercent: 50, booking: 3 },
  ],
  reactivation: [
    { key: "A", name: "原开场", sharePercent: 50, booking: 1 },
    { key: "B", name: "问候式开场", opening: "您好，好久没见您来啦，最近牙齿还好吗？", sharePercent: 50, booking: 1 },
  ],
};

/** Creates the variants and assigns the demo's tasks and calls; returns each script's variant booking factor by variant id. */
export async function seedDemoAbTests(db: PrismaClient, scripts: DemoScripts): Promise<Map<string, number>> {
  const factor = new Map<string, number>();
  for (const [key, variants] of Object.entries(TESTS) as [DemoScriptKey, DemoVariant[]][]) {
    const scriptId = scripts[key].id;
    const rows = [];
    for (const v of variants) {
      const row = await db.scriptVariant.create({
        data: { scriptId, key: v.key, name: v.name, opening: v.opening ?? null, offer: v.offer ?? null, sharePercent: v.sharePercent },
        select: { id: true, sharePercent: true },
      });
      rows.push(row);
      factor.set(row.id, v.booking);
    }
    const tasks = await db.callTask.findMany({ where: { scriptId }, select: { id: true, patientId: true } });
    const byVariant = new Map<string, string[]>();
    for (const t of tasks) {
      const v = assignVariant(t.patientId, scriptId, rows)!;
      byVariant.set(v, [...(byVariant.get(v) ?? []), t.id]);
    }
    for (const [variantId, ids] of byVariant) await db.callTask.updateMany({ where: { id: { in: ids } }, data: { variantId } });
    await db.$executeRaw`UPDATE "Call" c SET "variantId" = t."variantId" FROM "CallTask" t WHERE t.id = c."taskId" AND c."scriptId" = ${scriptId}`;
  }
  return factor;
}

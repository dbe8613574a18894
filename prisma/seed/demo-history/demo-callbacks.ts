import { countRounds } from "../../../server/domain/calls/transcript";
import { followUpDueAt } from "../../../server/domain/outcomes/follow-up-rules";
import { ruleBasedClassifier } from "../../../server/adapters/intent/rule-based-classifier";
import { classifyCallIntent } from "../../../server/services/calls/classify-call-intent";
import type { PrismaClient } from "../db";
import type { DemoScriptKey, DemoScripts } from "./demo-scripts";

/**
 * 需回电 and 转人工未接通 in the demo's worklist (issue 26): the simulated history has complaints but no plain call-back
 * requests, so four recent answered calls are rewritten and re-analysed by the product's own classifier, which files
 * their 回访任务 through the one write path (set-call-analysis → createFollowUpsFromCall) for the owner the rule gives:
 * - two patients ask a person to call them back (the first one a patient of the demo's 咨询师 consultant1@a.demo, so her
 *   只看我的 list has it);
 * - two ask for a person during the call (转人工) and the front desk's leg rings out (Call.transferAnswered = false).
 * Only recent calls (their call-back still open) that filed nothing, were not 有意向 and proposed no time are used (and the words say no
 * time), none of the A/B tests' scripts: the rest of the history (bookings, the tasks worked off, the A/B tests'
 * significance) draws the same random numbers.
 */
export const DEMO_CALLBACK = "我现在在开会，不方便细说，你让前台给我回个电话吧。";
const SCENE_SCRIPTS: readonly DemoScriptKey[] = ["postop", "recall", "benefit", "survey"];
const INTERESTED = ["interested", "somewhatInterested", "confirmed", "reschedule"];

export async function seedDemoCallbacks(db: PrismaClient, companyId: string, scripts: DemoScripts, exclude: readonly (string | null)[], now: Date) {
  const consultant = await db.user.findFirst({ where: { companyId, email: "consultant1@a.demo" }, select: { id: true } });
  const used = new Set(exclude.filter((x): x is string => !!x));
  const candidates = await db.call.findMany({
    where: {
      companyId,
      outcome: "answered",
      dialedAt: { gte: new Date(now.getTime() - 7 * 24 * 3600_000) },
      scriptId: { in: SCENE_SCRIPTS.map((k) => scripts[k].id) },
      reachedParty: "patient",
      complaint: false,
      callbackRequested: false,
      proposedTime: null,
      OR: [{ intent: null }, { intent: { notIn: [...INTERESTED, "discomfort"] } }],
    },
    orderBy: [{ dialedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, scriptId: true, endedAt: true, dialedAt: true, clinic: { select: { timezone: true } }, patient: { select: { consultantId: true, onlineConsultantId: true } }, script: { select: { category: true } } },
  });
  // Recent enough that the call-back is due within the last two days: still open (tasks due earlier are worked off
  // in seedDemoOutcomes, with random draws of their own).
  const recent = candidates.filter((c) => followUpDueAt("callback", c.endedAt ?? c.dialedAt, c.clinic.timezone).getTime() > now.getTime() - 2 * 24 * 3600_000);
  const ownedByConsultant = (c: (typeof recent)[number]) =>
    consultant !== null && c.patient.consultantId === consultant.id && (c.script.category === "service" || c.patient.onlineConsultantId === null);
  const picked: string[] = [];
  const take = (pred: (c: (typeof candidates)[number]) => boolean) => {
    const c = recent.find((x) => !used.has(x.id) && !picked.includes(x.id) && pred(x));
    if (c) picked.push(c.id);
    return c?.id ?? null;
  };
  const first = take(ownedByConsultant) ?? take(() => true);
  const second = take(() => true);
  const transfers = [take(() => true), take(() => true)];

  for (const id of [first, second]) {
    if (!id) continue;
    await rewrite(db, id, [
      { speaker: "ai", text: "您好，我是静安店的客服小助手，想跟您确认一下近期的口腔检查安排。" },
      { speaker: "patient", text: DEMO_CALLBACK },
      { speaker: "ai", text: "好的，我让前台稍后给您回电，打扰您了。" },
      { speaker: "patient", text: "好，谢谢。" },
    ]);
  }
  for (const id of transfers) {
    if (!id) continue;
    await db.call.update({ where: { id }, data: { transferredTo: "前台技能组 / 前台", transferAnswered: false } });
    await rewrite(db, id, [
      { speaker: "ai", text: "您好，我是静安店的客服小助手，想跟您确认一下近期的口腔检查安排。" },
      { speaker: "patient", text: "我想直接跟前台说，帮我转人工吧。" },
      { speaker: "ai", text: "好的，马上为您转接诊所前台，请稍候。" },
      { speaker: "ai", text: "抱歉，前台暂时无人接听，稍后会请工作人员给您回电。" },
    ]);
  }
  return { callbackCallIds: [first, second].filter(Boolean), transferCallIds: transfers.filter(Boolean) };
}

async function rewrite(db: PrismaClient, callId: string, turns: { speaker: "ai" | "patient"; text: string }[]) {
  await db.call.update({ where: { id: callId }, data: { transcript: turns.map((t, i) => ({ ...t, at: i * 6 })), rounds: countRounds(turns) } });
  await classifyCallIntent(db, callId, { force: true, classifier: ruleBasedClassifier });
}

import { countRounds } from "../../../server/domain/calls/transcript";
import { ruleBasedClassifier } from "../../../server/adapters/intent/rule-based-classifier";
import { addOptOutFromCall } from "../../../server/services/calls/add-opt-out-from-call";
import { classifyCallIntent } from "../../../server/services/calls/classify-call-intent";
import type { PrismaClient } from "../db";

/**
 * Two calls of the demo's history that show post-call analysis a manager can trust (issue 25), each re-analysed by the
 * product's own classifier and written through its one write path:
 * - 治疗后满意度回访: a patient complains (补的牙又掉了, 我要投诉) → 不满意 + 需回电 (高优先), the sentence highlighted, and the
 *   patient NOT on the do-not-call list (still callable);
 * - 种植牙专家面诊邀约: a patient explicitly asks not to be called → 拒绝来电 + the DNC entry with that sentence, which a
 *   manager can undo from the call detail.
 * The most recent answered call of each script is used, so the first page of 话单记录 shows them.
 */
export const DEMO_COMPLAINT = "上次补的牙又掉了，我要投诉！让你们负责人尽快给我打电话。";
export const DEMO_OPT_OUT = "我已经在别家种好了，以后不要再给我打电话了。";

export async function seedDemoIntentReview(db: PrismaClient, companyId: string, scripts: { survey: { id: string }; implant: { id: string } }) {
  const complaint = await rewrite(db, companyId, scripts.survey.id, [
    { speaker: "ai", text: "您好，我是静安店的回访小助手。感谢您上周来我们门诊就诊，想了解一下您对我们的服务是否满意？" },
    { speaker: "patient", text: DEMO_COMPLAINT },
    { speaker: "ai", text: "非常抱歉给您带来不好的体验，我已经记录下来，门店负责人会尽快给您回电处理。" },
    { speaker: "patient", text: "好，今天之内给我回电话。" },
    { speaker: "ai", text: "好的，祝您生活愉快，再见！" },
  ]);
  const optOut = await rewrite(db, companyId, scripts.implant.id, [
    { speaker: "ai", text: "您好，我是静安店的客服。我们本月有种植牙专家面诊活动，进口种植体立减两千元，您有兴趣了解一下吗？" },
    { speaker: "patient", text: DEMO_OPT_OUT },
    { speaker: "ai", text: "好的，非常抱歉打扰到您，再见！" },
  ]);
  if (optOut) await addOptOutFromCall(db, optOut);
  return { complaintCallId: complaint, optOutCallId: optOut };
}

async function rewrite(db: PrismaClient, companyId: string, scriptId: string, turns: { speaker: "ai" | "patient"; text: string }[]) {
  const call = await db.call.findFirst({
    where: { companyId, scriptId, outcome: "answered" },
    orderBy: [{ dialedAt: "desc" }, { id: "desc" }],
    select: { id: true, mobile: true },
  });
  if (!call) return null;
  await db.call.update({ where: { id: call.id }, data: { transcript: turns.map((t, i) => ({ ...t, at: i * 6 })), rounds: countRounds(turns) } });
  // A number the simulated history happened to opt out stays callable for the complaint scene (a complaint never is DNC).
  if (turns.some((t) => t.text === DEMO_COMPLAINT)) await db.dncEntry.deleteMany({ where: { companyId, kind: "optOut", mobile: call.mobile } });
  await classifyCallIntent(db, call.id, { force: true, classifier: ruleBasedClassifier });
  return call.id;
}

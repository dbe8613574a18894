/**
 * The demo's scripts, one of every kind the product has: AI and fixed, 诊疗服务类 and 营销类, 启用 / 暂停 / 停用 and
 * 自动旅程专用, some with 挂机短信. Created through the product's own createScript service (the same validation and
 * rows as the 新建话术 form); only their creation time is moved back to the start of the demo's history.
 */
import { composeDialogues } from "../../../server/domain/templates/compose-dialogues";
import { presetTemplate } from "../../../server/domain/templates/catalog";
import { defaultParams } from "../../../server/domain/templates/params";
import { createScript } from "../../../server/services/scripts/create-script";
import type { PrismaClient } from "../db";
import { atShanghai } from "../time";
import type { DemoActor } from "./demo-actor";

export type DemoScriptKey = "implant" | "survey" | "reactivation" | "kids" | "recall" | "postop" | "benefit";

export interface DemoScriptSpec {
  key: DemoScriptKey;
  name: string;
  template: string;
  params?: Record<string, string>;
  voice: string;
  /** 挂机短信: names of the (approved) SMS templates for answered / unanswered calls. */
  sms?: { answered: string; unanswered: string };
  journeyOnly?: boolean;
  /** Where the script ends up once its history is written. */
  finalStatus: "enabled" | "paused" | "stopped";
  /** Days before now the script was created. */
  createdDaysAgo: number;
}

export const DEMO_SCRIPTS: readonly DemoScriptSpec[] = [
  {
    key: "implant",
    name: "种植牙专家面诊邀约",
    template: "implant-invite",
    params: { project: "单颗种植牙", expert: "种植科李主任" },
    voice: "xiaomei",
    sms: { answered: "种植面诊活动跟进", unanswered: "未接通回电提醒" },
    finalStatus: "enabled",
    createdDaysAgo: 58,
  },
  {
    key: "survey",
    name: "治疗后满意度回访",
    template: "satisfaction-survey",
    params: { gift: "下次到店赠送牙刷护理套装" },
    voice: "wanqing",
    sms: { answered: "回访感谢", unanswered: "未接通回电提醒" },
    finalStatus: "enabled",
    createdDaysAgo: 57,
  },
  { key: "reactivation", name: "半年未到店老客唤醒", template: "dormant-reactivation", voice: "xiaoya", finalStatus: "paused", createdDaysAgo: 50 },
  { key: "kids", name: "儿童涂氟窝沟封闭邀约", template: "kids-prevention-invite", voice: "xiaoya", finalStatus: "stopped", createdDaysAgo: 55 },
  { key: "recall", name: "定期检查召回（固定）", template: "fixed-checkup-recall", voice: "wanqing", finalStatus: "enabled", createdDaysAgo: 40 },
  {
    key: "postop",
    name: "术后关怀回访（旅程）",
    template: "post-op-follow-up",
    voice: "wanqing",
    sms: { answered: "回访感谢", unanswered: "未接通回电提醒" },
    journeyOnly: true,
    finalStatus: "enabled",
    createdDaysAgo: 46,
  },
  { key: "benefit", name: "临期权益到期提醒（旅程）", template: "benefit-expiry", voice: "ajing", journeyOnly: true, finalStatus: "enabled", createdDaysAgo: 44 },
];

/** SMS templates the demo's hang-up SMS use besides the company's own (reviewed by the platform). */
const EXTRA_SMS_TEMPLATES = [
  {
    name: "种植面诊活动跟进",
    content: "【{诊所简称}】{患者姓名}您好，感谢接听。本月种植牙专家面诊名额有限，回复1或致电{门店电话}预约面诊。拒收请回复R",
  },
  { name: "回访感谢", content: "【{诊所简称}】{患者姓名}您好，感谢您对我们服务的评价，如有任何不适请随时致电{门店电话}。拒收请回复R" },
];

export type DemoScripts = Record<DemoScriptKey, { id: string; spec: DemoScriptSpec }>;

export async function createDemoScripts(db: PrismaClient, actor: DemoActor, now: Date): Promise<DemoScripts> {
  for (const t of EXTRA_SMS_TEMPLATES) {
    await db.smsTemplate.create({
      data: {
        companyId: actor.companyId,
        name: t.name,
        content: t.content,
        status: "approved",
        reviewedAt: atShanghai(now, -59, 10),
        createdAt: atShanghai(now, -60, 15),
      },
    });
  }
  const smsIds = new Map(
    (await db.smsTemplate.findMany({ where: { companyId: actor.companyId, status: "approved" }, select: { id: true, name: true } })).map((t) => [t.name, t.id]),
  );
  const voices = new Map((await db.voice.findMany({ select: { id: true, key: true } })).map((v) => [v.key, v.id]));
  const clinicId = actor.openedClinicIds[0]!;

  const out = {} as DemoScripts;
  for (const spec of DEMO_SCRIPTS) {
    const def = presetTemplate(spec.template);
    if (!def) throw new Error(`demo history: no preset template ${spec.template}`);
    const template = await db.scriptTemplate.findFirstOrThrow({ where: { companyId: null, key: def.key }, select: { id: true } });
    const params: Record<string, string> = { ...defaultParams(def.params), ...spec.params };
    for (const p of def.params) if (p.kind === "clinic") params[p.key] = clinicId;
    const created = await createScript(db, actor.scope, actor.viewer, {
      kind: def.kind,
      name: spec.name,
      templateId: template.id,
      params,
      clinicIds: actor.openedClinicIds,
      scenarios: def.kind === "ai" ? composeDialogues(def, params).scenarios : null,
      voiceId: voices.get(spec.voice) ?? [...voices.values()][0]!,
      hangupSmsEnabled: Boolean(spec.sms),
      hangupSmsAnsweredTemplateId: spec.sms ? smsIds.get(spec.sms.answered) : null,
      hangupSmsUnansweredTemplateId: spec.sms ? smsIds.get(spec.sms.unanswered) : null,
      journeyOnly: spec.journeyOnly ?? false,
    });
    const createdAt = atShanghai(now, -spec.createdDaysAgo, 10, 30);
    await db.script.update({ where: { id: created.id }, data: { createdAt } });
    await db.auditLog.updateMany({ where: { targetType: "script", targetId: created.id }, data: { createdAt } });
    out[spec.key] = { id: created.id, spec };
  }
  return out;
}

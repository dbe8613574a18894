import type { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { normalizeScriptName } from "@/server/domain/scripts/script-name";
import { dialogueProblems } from "@/server/domain/templates/dialogue-schema";
import { checkParams, clinicParamKeys } from "@/server/domain/templates/params";
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Scope } from "@/server/domain/auth/scope";
import type { scriptFormInput } from "./script-input";
import { loadTemplate } from "./template-view";

type Form = z.output<typeof scriptFormInput>;

/**
 * Checks everything a script refers to, inside the caller's tenancy: the template (and its kind), parameters against
 * its schema, 门店参数 and 适用门店 among the caller's opened clinics, the voice, the hang-up SMS templates (approved,
 * own company), and for AI scripts the generated dialogues. Returns the columns to write.
 */
export async function resolveScriptForm(db: Tx, scope: Scope, kind: "ai" | "fixed", form: Form) {
  const template = await loadTemplate(db, scope, form.templateId);
  if (template.kind !== kind) throw new AppError("BAD_REQUEST", kind === "ai" ? "请选择AI话术模版" : "请选择固定话术模版");

  const { values, errors } = checkParams(template.params, form.params);
  if (Object.keys(errors).length > 0) throw new AppError("BAD_REQUEST", Object.values(errors).join("；"));

  const clinicIds = [...new Set(form.clinicIds)];
  const paramClinicIds = clinicParamKeys(template.params).map((k) => values[k]!).filter(Boolean);
  const clinics = await db.clinic.findMany({
    where: { companyId: scope.companyId, id: { in: [...new Set([...clinicIds, ...paramClinicIds])] }, AND: { id: { in: scope.clinicIds } } },
    select: { id: true, shortName: true, outboundOpenedAt: true },
  });
  const byId = new Map(clinics.map((c) => [c.id, c]));
  for (const id of [...clinicIds, ...paramClinicIds]) if (!byId.has(id)) throw AppError.notFound("门店");
  const closed = clinicIds.map((id) => byId.get(id)!).find((c) => !c.outboundOpenedAt);
  if (closed) throw new AppError("BAD_REQUEST", `门店【${closed.shortName}】尚未开通智能外呼，不能作为适用门店`);

  const voice = await db.voice.findUnique({ where: { id: form.voiceId }, select: { id: true } });
  if (!voice) throw AppError.notFound("音色");

  let answeredId: string | null = null;
  let unansweredId: string | null = null;
  if (form.hangupSmsEnabled) {
    if (!form.hangupSmsAnsweredTemplateId) throw new AppError("BAD_REQUEST", "请选择患者已接听时发送的挂机短信模板");
    if (!form.hangupSmsUnansweredTemplateId) throw new AppError("BAD_REQUEST", "请选择患者未接听时发送的挂机短信模板");
    const ids = [form.hangupSmsAnsweredTemplateId, form.hangupSmsUnansweredTemplateId];
    const sms = await db.smsTemplate.findMany({ where: { id: { in: ids }, companyId: scope.companyId }, select: { id: true, status: true, name: true } });
    for (const id of ids) {
      const t = sms.find((s) => s.id === id);
      if (!t) throw AppError.notFound("短信模板");
      if (t.status !== "approved") throw new AppError("BAD_REQUEST", `短信模板「${t.name}」尚未审核通过，不能用作挂机短信`);
    }
    [answeredId, unansweredId] = ids as [string, string];
  }

  let preview: Prisma.InputJsonValue | null = null;
  if (kind === "ai") {
    if (!form.scenarios?.length) throw new AppError("BAD_REQUEST", "请先点击【生成AI话术】生成外呼预览");
    const problems = dialogueProblems({ scenarios: form.scenarios }, template.intents);
    if (problems.length > 0) throw new AppError("BAD_REQUEST", `话术预览有误：${problems.slice(0, 3).join("；")}`);
    preview = { scenarios: form.scenarios, intents: template.intents } as unknown as Prisma.InputJsonValue;
  }

  return {
    template,
    clinicIds,
    data: {
      name: normalizeScriptName(form.name),
      category: template.category,
      templateId: template.id,
      params: values,
      voiceId: voice.id,
      voiceSpeed: form.voiceSpeed,
      voicePitch: form.voicePitch,
      voiceVolume: form.voiceVolume,
      hangupSmsEnabled: form.hangupSmsEnabled,
      hangupSmsAnsweredTemplateId: answeredId,
      hangupSmsUnansweredTemplateId: unansweredId,
      journeyOnly: form.journeyOnly,
    },
    preview,
  };
}

/** The database's (companyId, name) unique index is the last word on duplicates, even between concurrent saves. */
export function isDuplicateName(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: string }).code === "P2002"
  );
}

export const duplicateName = (name: string) => new AppError("CONFLICT", `话术名称「${name}」已存在，请换一个名称`);

/**
 * 定制话术模版 for the demo company (FAQ Q1: sales customise templates 1-on-1 for a chain). They are listed among the
 * presets, marked as the company's own.
 */
import { AI_TEMPLATES, FIXED_TEMPLATES } from "../../server/domain/templates/catalog";
import type { ScriptTemplateDefinition } from "../../server/domain/templates/template-types";
import type { SeedDb } from "./db";
import { upsertTemplate } from "./seed-catalog";

function basedOn(key: string, list: readonly ScriptTemplateDefinition[]): ScriptTemplateDefinition {
  const t = list.find((x) => x.key === key);
  if (!t) throw new Error(`no preset template ${key}`);
  return t;
}

export function customTemplatesFor(companyName: string): ScriptTemplateDefinition[] {
  const fixed = basedOn("fixed-consult-invite", FIXED_TEMPLATES);
  const event = basedOn("event-invite", AI_TEMPLATES);
  const brand = companyName.replace(/连锁$/, "");
  const body = `您好，这里是${brand}{clinicShortName}。一年一度的${brand}种植节开始啦，{project}享专属补贴[，{offer}]，名额有限。欢迎您到店咨询，地址是{clinicAddress}。祝您生活愉快，再见。`;
  return [
    {
      ...fixed,
      key: "custom-implant-festival",
      name: `${brand}·种植节专属邀约`,
      description: `为${companyName}定制的种植节固定话术，品牌名与活动口径已审核。`,
      body,
      scenarios: [{ ...fixed.scenarios[0]!, rounds: [{ ...fixed.scenarios[0]!.rounds[0]!, ai: body }] }],
      sortOrder: 200,
    },
    {
      ...event,
      key: "custom-member-day",
      name: `${brand}·会员日专属邀约`,
      description: `为${companyName}定制的会员日AI话术，按品牌会员权益口径生成。`,
      params: event.params.map((p) => (p.key === "activityName" ? { ...p, defaultValue: `${brand}会员日` } : p)),
      sortOrder: 200,
    },
  ];
}

export async function seedCustomTemplates(db: SeedDb, companyId: string, companyName: string): Promise<number> {
  const templates = customTemplatesFor(companyName);
  for (const t of templates) await upsertTemplate(db, companyId, t);
  return templates.length;
}

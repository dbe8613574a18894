/** What every dial of the demo's history shares, loaded once: the company's limits, its scripts, clinics and SMS quota. */
import { patientRequirements } from "../../../server/domain/call-tasks/creation-checks";
import { companyLimits, type CompanyLimits, type ScriptCategory } from "../../../server/domain/calling-policy";
import type { CallScriptSnapshot } from "../../../server/ports/carrier";
import { scriptDialogues } from "../../../server/services/dialer/script-dialogues";
import type { PrismaClient } from "../db";

export interface DialContext {
  companyId: string;
  company: CompanyLimits;
  scripts: Map<string, DemoScript>;
  clinics: Map<string, { id: string; shortName: string; address: string; phone: string | null; timezone: string; outboundOpenedAt: Date | null }>;
  smsQuota: number;
}

export async function loadDialContext(db: PrismaClient, companyId: string): Promise<DialContext> {
  const company = companyLimits(await db.company.findUniqueOrThrow({ where: { id: companyId } }));
  const scriptIds = (await db.script.findMany({ where: { companyId }, select: { id: true } })).map((s) => s.id);
  const clinics = await db.clinic.findMany({ where: { companyId }, select: { id: true, shortName: true, address: true, phone: true, timezone: true, outboundOpenedAt: true } });
  return { companyId, company, scripts: await loadScripts(db, scriptIds), clinics: new Map(clinics.map((c) => [c.id, c])), smsQuota: await quotaOf(db, companyId) };
}

async function loadScripts(db: PrismaClient, ids: string[]) {
  const rows = await db.script.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      companyId: true,
      kind: true,
      category: true,
      params: true,
      preview: true,
      voiceSpeed: true,
      voicePitch: true,
      voiceVolume: true,
      hangupSmsEnabled: true,
      hangupSmsAnsweredTemplate: { select: { id: true, content: true, status: true } },
      hangupSmsUnansweredTemplate: { select: { id: true, content: true, status: true } },
      template: { select: { paramSchema: true, scenarios: true, intents: true } },
      voice: { select: { key: true, gender: true } },
    },
  });
  const out = new Map<string, DemoScript>();
  for (const s of rows) {
    const dialogues = await scriptDialogues(db, s);
    const gender = s.voice?.gender === "male" || s.voice?.gender === "female" ? { gender: s.voice.gender } : {};
    out.set(s.id, {
      ...s,
      category: s.category as ScriptCategory,
      requirements: patientRequirements(dialogues),
      snapshot: {
        scriptId: s.id,
        kind: s.kind,
        category: s.category,
        dialogues,
        voice: s.voice ? { key: s.voice.key, speed: s.voiceSpeed, pitch: s.voicePitch, volume: s.voiceVolume, ...gender } : null,
      },
    });
  }
  return out;
}
export interface DemoScript {
  id: string;
  companyId: string;
  category: ScriptCategory;
  requirements: ReturnType<typeof patientRequirements>;
  snapshot: CallScriptSnapshot;
  hangupSmsEnabled: boolean;
  hangupSmsAnsweredTemplate: { id: string; content: string; status: string } | null;
  hangupSmsUnansweredTemplate: { id: string; content: string; status: string } | null;
}

async function quotaOf(db: PrismaClient, companyId: string): Promise<number> {
  const sum = await db.smsQuotaEntry.aggregate({ where: { companyId }, _sum: { delta: true } });
  return sum._sum.delta ?? 0;
}

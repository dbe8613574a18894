import type { Prisma } from "@/server/generated/prisma/client";
import { composeDialogues } from "@/server/domain/templates/compose-dialogues";
import { presetTemplate } from "@/server/domain/templates/catalog";
import type { JourneyGraphInput } from "@/server/domain/journey/journey-graph";
import { testDb } from "./fixtures";

/** An enabled AI 预约到店提醒 script of the company for one clinic (it speaks {appointmentTime}: needs an appointment). */
export async function createReminderScript(companyId: string, clinicId: string, name: string) {
  const db = testDb();
  const def = presetTemplate("appointment-reminder")!;
  const template = await db.scriptTemplate.findFirstOrThrow({ where: { companyId: null, key: def.key } });
  return db.script.create({
    data: {
      companyId,
      name,
      kind: "ai",
      category: "service",
      templateId: template.id,
      params: { arriveEarly: "10分钟" },
      preview: composeDialogues(def, { arriveEarly: "10分钟" }) as unknown as Prisma.InputJsonValue,
      status: "enabled",
      journeyOnly: true,
      clinics: { create: { clinicId } },
    },
  });
}

interface PatientSpec {
  key: string;
  mobile?: string | null;
  hasOwnMobile?: boolean;
  registered?: boolean;
  appointmentAt?: Date;
}

/** Patients tagged `tag` in one clinic, each optionally with a scheduled appointment. Returns key → id. */
export async function createTaggedPatients(companyId: string, clinicId: string, tag: string, specs: PatientSpec[]) {
  const db = testDb();
  const ids: Record<string, string> = {};
  for (const [i, s] of specs.entries()) {
    const p = await db.patient.create({
      data: {
        companyId,
        clinicId,
        name: `旅程${s.key}`,
        tags: [tag],
        mobile: s.mobile === undefined ? `1370000${String(1000 + i).padStart(4, "0")}` : s.mobile,
        hasOwnMobile: s.hasOwnMobile ?? true,
        registered: s.registered ?? true,
      },
    });
    ids[s.key] = p.id;
    if (s.appointmentAt) {
      await db.appointment.create({ data: { companyId, clinicId, patientId: p.id, startsAt: s.appointmentAt, item: "洁牙" } });
    }
  }
  return ids;
}

/** 预约明天到店 → 每天 10:00 → 智能外呼 with branches A(确认到店) / B(需要改约、取消预约) → ends; B waits a day first. */
export function reminderJourneyGraph(segmentId: string, scriptId: string): JourneyGraphInput {
  const at = (x: number, y: number) => ({ x, y });
  return {
    nodes: [
      { id: "entry", kind: "entry", position: at(0, 200), config: { segmentId, schedule: { kind: "daily", time: "10:00" } } },
      {
        id: "call",
        kind: "outbound",
        position: at(300, 200),
        config: {
          scriptId,
          intentBranches: {
            enabled: true,
            branches: [
              { key: "A", intents: ["confirmed"] },
              { key: "B", intents: ["reschedule", "cancelled"] },
            ],
          },
        },
      },
      { id: "wait", kind: "wait", position: at(600, 300), config: { amount: 1, unit: "days" } },
      { id: "endA", kind: "end", label: "确认到店", position: at(600, 100), config: {} },
      { id: "endB", kind: "end", label: "改约跟进", position: at(900, 300), config: {} },
      { id: "endRest", kind: "end", label: "其余", position: at(600, 500), config: {} },
    ],
    edges: [
      { id: "e1", source: "entry", target: "call" },
      { id: "e2", source: "call", target: "endA", branchKey: "A" },
      { id: "e3", source: "call", target: "wait", branchKey: "B" },
      { id: "e4", source: "wait", target: "endB" },
      { id: "e5", source: "call", target: "endRest", branchKey: "empty" },
      { id: "e6", source: "call", target: "endRest", branchKey: "other" },
    ],
  };
}

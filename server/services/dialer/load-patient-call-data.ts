import type { Tx } from "@/server/db/create-client";
import { EXPIRING_BENEFIT_DAYS, type PatientDataRequirement } from "@/server/domain/call-tasks/creation-checks";

export interface PatientCallData {
  appointment: { startsAt: Date; item: string | null } | null;
  deduction: { performedAt: Date; item: string } | null;
  visit: { visitedAt: Date; item: string | null } | null;
  benefit: { name: string; expiresAt: Date } | null;
}

const EMPTY: PatientCallData = { appointment: null, deduction: null, visit: null, benefit: null };

/**
 * For each patient, the facts a script may speak about, loaded only for the requirements at hand: the next scheduled
 * appointment, the last 划扣, the last visit and the soonest-expiring unused benefit (临期: within 30 days).
 */
export async function loadPatientCallData(
  db: Tx,
  patientIds: readonly string[],
  requirements: readonly PatientDataRequirement[],
  now: Date,
): Promise<Map<string, PatientCallData>> {
  const out = new Map<string, PatientCallData>(patientIds.map((id) => [id, { ...EMPTY }]));
  if (patientIds.length === 0) return out;
  const ids = [...patientIds];
  const need = new Set(requirements);
  const set = <K extends keyof PatientCallData>(id: string, key: K, value: PatientCallData[K]) => {
    const row = out.get(id);
    if (row) row[key] = value;
  };
  const expiringBy = new Date(now.getTime() + EXPIRING_BENEFIT_DAYS * 86_400_000);
  await Promise.all([
    need.has("appointment") &&
      db.$queryRaw<{ patientId: string; startsAt: Date; item: string | null }[]>`
        SELECT DISTINCT ON ("patientId") "patientId", "startsAt", item FROM "Appointment"
        WHERE "patientId" = ANY(${ids}::text[]) AND status = 'scheduled' AND "startsAt" > ${now}
        ORDER BY "patientId", "startsAt"`.then((rows) => rows.forEach((r) => set(r.patientId, "appointment", { startsAt: r.startsAt, item: r.item }))),
    need.has("deduction") &&
      db.$queryRaw<{ patientId: string; performedAt: Date; item: string }[]>`
        SELECT DISTINCT ON ("patientId") "patientId", "performedAt", item FROM "TreatmentDeduction"
        WHERE "patientId" = ANY(${ids}::text[]) AND "performedAt" <= ${now}
        ORDER BY "patientId", "performedAt" DESC`.then((rows) => rows.forEach((r) => set(r.patientId, "deduction", { performedAt: r.performedAt, item: r.item }))),
    need.has("visit") &&
      db.$queryRaw<{ patientId: string; visitedAt: Date; item: string | null }[]>`
        SELECT DISTINCT ON ("patientId") "patientId", "visitedAt", item FROM "Visit"
        WHERE "patientId" = ANY(${ids}::text[]) AND "visitedAt" <= ${now}
        ORDER BY "patientId", "visitedAt" DESC`.then((rows) => rows.forEach((r) => set(r.patientId, "visit", { visitedAt: r.visitedAt, item: r.item }))),
    need.has("benefit") &&
      db.$queryRaw<{ patientId: string; name: string; expiresAt: Date }[]>`
        SELECT DISTINCT ON ("patientId") "patientId", name, "expiresAt" FROM "Benefit"
        WHERE "patientId" = ANY(${ids}::text[]) AND "usedAt" IS NULL AND "expiresAt" > ${now} AND "expiresAt" <= ${expiringBy}
        ORDER BY "patientId", "expiresAt"`.then((rows) => rows.forEach((r) => set(r.patientId, "benefit", { name: r.name, expiresAt: r.expiresAt }))),
  ]);
  return out;
}

export const hasData = (d: PatientCallData): Record<PatientDataRequirement, boolean> => ({
  appointment: d.appointment !== null,
  deduction: d.deduction !== null,
  visit: d.visit !== null,
  benefit: d.benefit !== null,
});

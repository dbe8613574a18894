import type { Page } from "@playwright/test";
import { sql } from "./helpers";

export const COMPANY_A = "微笑口腔连锁";
export const LOOP_CLINIC = "静安店";

async function trpcMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}

async function trpcGet<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}

/** A fixed script (定期检查召回) for the loop, created through the app's own API as the signed-in admin. */
export async function createLoopScript(page: Page, name: string, clinicId: string) {
  const templates = await trpcGet<{ id: string; key: string }[]>(page, "scripts.templates", { kind: "fixed" });
  const voices = await trpcGet<{ id: string }[]>(page, "scripts.voices", undefined);
  const template = templates.find((t) => t.key === "fixed-checkup-recall")!;
  const created = await trpcMutation<{ id: string }>(page, "scripts.create", {
    kind: "fixed",
    name,
    templateId: template.id,
    params: { clinic: clinicId, project: "洁牙和口腔检查" },
    clinicIds: [clinicId],
    voiceId: voices[0]!.id,
  });
  return created.id;
}

/**
 * Calls happen 09:00–20:00 clinic time. When the test runs outside those hours, the loop's clinic is moved (for the
 * test only) to a fixed-offset zone where it is early afternoon now, so the dialer may call at once.
 */
export async function withinCallingHours(clinicId: string): Promise<() => Promise<void>> {
  const [{ timezone }] = (await sql<{ timezone: string }>(`select timezone from "Clinic" where id = $1`, [clinicId])) as [{ timezone: string }];
  const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: timezone, hour: "numeric", hourCycle: "h23" }).format(new Date()));
  if (hour >= 10 && hour < 18) return async () => undefined;
  const offset = ((13 - new Date().getUTCHours() + 36) % 24) - 12; // UTC+offset is ~13:00 now, offset in -12…+11
  const zone = offset === 0 ? "Etc/UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`; // Etc/GMT signs are inverted
  await sql(`update "Clinic" set timezone = $2 where id = $1`, [clinicId, zone]);
  return async () => void (await sql(`update "Clinic" set timezone = $2 where id = $1`, [clinicId, timezone]));
}

/** One attempt per task for the loop (no 30-minute redial to wait for); restored afterwards. */
export async function withoutRedials(): Promise<() => Promise<void>> {
  const [{ redialMaxAttempts }] = (await sql<{ redialMaxAttempts: number }>(`select "redialMaxAttempts" from "Company" where name = $1`, [COMPANY_A])) as [
    { redialMaxAttempts: number },
  ];
  await sql(`update "Company" set "redialMaxAttempts" = 1 where name = $1`, [COMPANY_A]);
  return async () => void (await sql(`update "Company" set "redialMaxAttempts" = $2 where name = $1`, [COMPANY_A, redialMaxAttempts]));
}

import { beforeAll, describe, expect, it } from "vitest";
import { appPorts } from "@/server/adapters/app-ports";
import { rateWindowStart } from "@/server/domain/api/problem";
import { USER_RATE_LIMITS, userRateKey, type RateLimitedAction } from "@/server/domain/limits/user-rate-limits";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { enforceUserRateLimit } from "@/server/services/limits/enforce-user-rate-limit";
import { handleTrpcRequest } from "@/server/trpc/handle-request";
import { callerFor, seeded, testDb } from "./fixtures";

/**
 * Issue 23, finding 7: expensive mutations are limited per user per minute, counted in PostgreSQL (RateWindow, the same
 * counter as the open API's per-key limit). The ids below name nothing: under the limit the call reaches its service
 * (NOT_FOUND), past it the call is refused before any work.
 */
type S = Awaited<ReturnType<typeof seeded>>;
let s: S;
beforeAll(async () => {
  s = await seeded();
});

const PROCEDURES: [RateLimitedAction, string, unknown][] = [
  ["scriptAudio", "scripts.audio", { scriptId: "no-such-script" }],
  ["scriptGenerate", "scripts.generate", { templateId: "no-such-template", clinicIds: ["no-such-clinic"] }],
  ["reanalyze", "callRecords.reanalyze", { scriptId: "no-such-script" }],
  ["batchStart", "batchCall.start", { scriptId: "no-such-script", patientIds: ["no-such-patient"] }],
  ["patientImport", "patients.importStart", { jobId: "no-such-job", mapping: { name: "姓名", mobile: "手机号" }, duplicateMode: "skip" }],
];

/** Fills the user's windows of this minute and the next (so a minute turning mid-test changes nothing). */
async function exhaust(userId: string, action: RateLimitedAction) {
  const now = rateWindowStart(Date.now());
  for (const start of [now, now + 60_000]) {
    const key = userRateKey(userId, action);
    await testDb().rateWindow.upsert({
      where: { key_windowStart: { key, windowStart: new Date(start) } },
      create: { key, windowStart: new Date(start), count: USER_RATE_LIMITS[action] },
      update: { count: USER_RATE_LIMITS[action] },
    });
  }
}

const run = (caller: Awaited<ReturnType<typeof callerFor>>, path: string, input: unknown) => {
  const [router, procedure] = path.split(".") as [string, string];
  return (caller as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[router]![procedure]!(input);
};

describe("per-user limits on expensive mutations", () => {
  it.each(PROCEDURES)("%s: %s is refused past the limit, for that user only", async (action, path, input) => {
    const asAdmin = await callerFor(s.a.admin.id);
    await expect(run(asAdmin, path, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await exhaust(s.a.admin.id, action);
    await expect(run(asAdmin, path, input)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining(`每人每分钟最多 ${USER_RATE_LIMITS[action]} 次`) });
    // Another user of the same company is not affected.
    await expect(run(await callerFor(s.a.clinicAdmin.id), path, input)).rejects.not.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("counts every call: the limit's worth pass, the next one is refused", async () => {
    const userId = s.a.clinicAdmin.id;
    const limit = USER_RATE_LIMITS.export;
    const minute = rateWindowStart(Date.now());
    const results: string[] = [];
    for (let i = 0; i <= limit; i++) {
      results.push(await enforceUserRateLimit(testDb(), userId, "export", new Date()).then(() => "ok", (e: { code: string }) => e.code));
    }
    if (rateWindowStart(Date.now()) !== minute) return; // the minute turned mid-loop: a new window started at 1
    expect(results.filter((r) => r === "ok")).toHaveLength(limit);
    expect(results.at(-1)).toBe("TOO_MANY_REQUESTS");
    expect(await testDb().rateWindow.findFirst({ where: { key: userRateKey(userId, "export") } })).toMatchObject({ count: limit + 1 });
  });

  it("over HTTP: 429 with the message in the UI's language and when to retry", async () => {
    const viewer = (await loadViewer(testDb(), s.a.admin.id))!;
    await exhaust(viewer.userId, "scriptAudio");
    for (const [locale, text] of [
      ["zh-CN", "操作过于频繁"],
      ["en", "Too many requests: at most 30 per person per minute."],
    ] as const) {
      const req = new Request("http://app.test/api/trpc/scripts.audio", { method: "POST", body: JSON.stringify({ json: { scriptId: "x" } }), headers: { "content-type": "application/json" } });
      const res = await handleTrpcRequest(req, () => ({ db: testDb(), viewer, ports: appPorts, locale }));
      const body = (await res.json()) as { error: { json: { message: string; data: { retryAfterSec?: number } } } };
      expect(res.status).toBe(429);
      expect(body.error.json.message).toContain(text);
      expect(body.error.json.data.retryAfterSec).toBeGreaterThan(0);
    }
  });
});

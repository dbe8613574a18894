import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";

const SECRET = "e2e-carrier-webhook-secret-0123456789"; // playwright.config.ts

const sign = (body: string, timestamp: number) => `v1=${createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex")}`;

test.describe("carrier endpoints (production build)", () => {
  test("the webhook accepts only signed, recent pushes", async ({ request }) => {
    const body = JSON.stringify({
      event_id: `e2e-state-${Date.now()}`,
      event_type: "call_status",
      occurred_at: new Date().toISOString(),
      call_id: "sim_00000000000000000000",
      out_id: "e2e-task:1",
      status: "RINGING",
    });
    const now = Math.floor(Date.now() / 1000);
    const post = (headers: Record<string, string>) => request.post("/api/carrier/webhook", { data: body, headers: { "content-type": "application/json", ...headers } });

    expect((await post({})).status()).toBe(401);
    expect((await post({ "x-carrier-timestamp": String(now), "x-carrier-signature": "v1=00" })).status()).toBe(401);
    expect((await post({ "x-carrier-timestamp": String(now - 3600), "x-carrier-signature": sign(body, now - 3600) })).status()).toBe(401);
    const ok = await post({ "x-carrier-timestamp": String(now), "x-carrier-signature": sign(body, now) });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, recorded: 1 });
    const again = await post({ "x-carrier-timestamp": String(now), "x-carrier-signature": sign(body, now) });
    expect(await again.json()).toMatchObject({ ok: true, recorded: 0, duplicates: 1 });
  });

  // The carrier service serves its links (scripts/carrier-sim.ts); the app serves them for an in-process simulator.
  const CARRIER_URL = `http://127.0.0.1:${Number(process.env.E2E_CARRIER_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1000)}`;
  for (const [where, base] of [["the carrier service", CARRIER_URL], ["the app (in-process simulator)", ""]] as const) {
    test(`the simulator's recording links need a valid, unexpired signature — ${where}`, async ({ request }) => {
      const id = "sim_00000000000000000000";
      const expires = Math.floor(Date.now() / 1000) - 10;
      const signature = createHmac("sha256", `${SECRET}:recordings`).update(`${id}.${expires}`).digest("hex");
      const expired = await request.get(`${base}/api/carrier/sim/recordings/${id}?expires=${expires}&signature=${signature}`);
      expect(expired.status()).toBe(403);
      expect(await expired.text()).toContain("expired");
      const forged = await request.get(`${base}/api/carrier/sim/recordings/${id}?expires=${expires + 7200}&signature=${"0".repeat(64)}`);
      expect(forged.status()).toBe(403);
    });
  }
});

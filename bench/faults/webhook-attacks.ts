import { randomBytes } from "node:crypto";
import { signedHeaders } from "../../server/adapters/carrier/webhook-signature";

export type WireEvent = { event_id: string; event_type: string; occurred_at: string; call_id: string; out_id: string } & Record<string, unknown>;
export type CarrierCall = { carrierCallId: string; clientRef: string; events: WireEvent[] };

export interface AttackResult {
  forgedSent: number;
  /** Forged deliveries the app accepted (anything but 401): must be 0. */
  forgedAccepted: number;
  duplicatesSent: number;
  reorderedSent: number;
  /** Genuine re-deliveries the app refused (must be 0: a duplicate is answered 200 and changes nothing). */
  genuineRefused: number;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${url}/api/carrier/webhook`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
  await res.body?.cancel();
  return res.status;
}

/**
 * What an attacker and a misbehaving carrier send, on top of the simulator's own faults: forged pushes (bad, missing or
 * stale signatures — one of them a fake "answered" record for a real call), genuine records pushed again to the other
 * instance, and calls' events in reverse order (record first, then the progress states) in one batch.
 */
export async function attackWebhooks(apps: string[], secret: string, calls: CarrierCall[]): Promise<AttackResult> {
  const r: AttackResult = { forgedSent: 0, forgedAccepted: 0, duplicatesSent: 0, reorderedSent: 0, genuineRefused: 0 };
  const finished = calls.filter((c) => c.events.some((e) => e.event_type === "call_record"));
  const now = Date.now();
  for (let i = 0; i < 60; i++) {
    const target = finished[i % Math.max(1, finished.length)];
    const record = target?.events.find((e) => e.event_type === "call_record");
    const fake = { ...(record ?? { event_id: "x", call_id: "sim_00000000000000000000", out_id: "x:1", event_type: "call_record" }), event_id: `forged-${i}-${randomBytes(4).toString("hex")}`, status_code: "ANSWERED", talk_duration: 600 };
    const body = JSON.stringify(fake);
    const headers =
      i % 3 === 0
        ? {} // unsigned
        : i % 3 === 1
          ? { "x-carrier-timestamp": String(Math.floor(now / 1000)), "x-carrier-signature": `v1=${randomBytes(32).toString("hex")}` } // wrong key
          : signedHeaders(secret, body, now - 3600_000); // a real signature, replayed an hour later
    r.forgedSent++;
    if ((await post(apps[i % apps.length]!, body, headers)) !== 401) r.forgedAccepted++;
  }
  for (const [i, call] of finished.slice(0, 150).entries()) {
    const record = call.events.find((e) => e.event_type === "call_record")!;
    const body = JSON.stringify(record);
    r.duplicatesSent++;
    if ((await post(apps[i % apps.length]!, body, signedHeaders(secret, body, Date.now()))) !== 200) r.genuineRefused++;
  }
  for (const [i, call] of finished.slice(150, 230).entries()) {
    const body = JSON.stringify([...call.events].reverse());
    r.reorderedSent++;
    if ((await post(apps[(i + 1) % apps.length]!, body, signedHeaders(secret, body, Date.now()))) !== 200) r.genuineRefused++;
  }
  return r;
}

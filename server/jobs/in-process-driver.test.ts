import { cron, eventType, Inngest, staticSchema } from "inngest";
import { describe, expect, it } from "vitest";
import { InProcessDriver } from "./in-process-driver";

const client = new Inngest({ id: "driver-test" });
const ping = eventType("test/ping", { schema: staticSchema<{ n: number }>() });
const pong = eventType("test/pong", { schema: staticSchema<{ n: number }>() });

function setup(options: ConstructorParameters<typeof InProcessDriver>[1] = {}) {
  const seen: string[] = [];
  let failuresLeft = 0;
  const onPing = client.createFunction({ id: "on-ping", triggers: [ping] }, async ({ event, step }) => {
    const doubled = await step.run("double", () => ({ n: event.data.n * 2, at: new Date(0) }));
    seen.push(`ping:${event.data.n}:${typeof doubled.at}`);
    await step.sendEvent("pong", pong.create({ n: doubled.n }));
  });
  const onPong = client.createFunction({ id: "on-pong", triggers: [pong], retries: 2 }, async ({ event }) => {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error("flaky");
    }
    seen.push(`pong:${event.data.n}`);
  });
  const minutely = client.createFunction({ id: "minutely", triggers: [cron("* * * * *")] }, async () => {
    seen.push("cron");
  });
  const driver = new InProcessDriver([onPing, onPong, minutely], { log: () => {}, retryBaseMs: 5, ...options });
  return { driver, seen, fail: (n: number) => (failuresLeft = n) };
}

describe("the in-process job driver", () => {
  it("runs the same handlers: steps run, their results pass through JSON, sent events trigger other functions", async () => {
    const { driver, seen } = setup();
    await driver.send(ping.create({ n: 21 }));
    await driver.drain();
    expect(seen).toEqual(["ping:21:string", "pong:42"]);
  });

  it("retries a failing run with backoff up to the function's retries", async () => {
    const { driver, seen, fail } = setup();
    fail(2);
    await driver.send(pong.create({ n: 1 }));
    await driver.drain();
    expect(seen).toEqual(["pong:1"]);
    fail(5);
    await driver.send(pong.create({ n: 2 }));
    await driver.drain();
    expect(seen).toEqual(["pong:1"]);
  });

  it("fires a cron once per matching minute", async () => {
    let now = new Date("2026-03-02T02:00:05Z");
    const { driver, seen } = setup({ now: () => now });
    driver.fireDueCrons();
    now = new Date("2026-03-02T02:00:50Z");
    driver.fireDueCrons();
    await driver.drain();
    expect(seen).toEqual(["cron"]);
    now = new Date("2026-03-02T02:01:00Z");
    driver.fireDueCrons();
    await driver.drain();
    expect(seen).toEqual(["cron", "cron"]);
  });

  it("can run every-minute crons faster for time-compressed demos, once per wall-clock slot as a real cron", async () => {
    let now = new Date("2026-03-02T02:00:05Z");
    const { driver, seen } = setup({ now: () => now, everyMinuteMs: 5000 });
    driver.fireDueCrons();
    now = new Date("2026-03-02T02:00:09.9Z"); // the same 5-s slot: not again
    driver.fireDueCrons();
    now = new Date("2026-03-02T02:00:11Z");
    driver.fireDueCrons();
    await driver.drain();
    expect(seen).toEqual(["cron", "cron"]);
  });

  it("fires fast crons at the start of each slot, so several processes tick together", async () => {
    const { driver, seen } = setup({ everyMinuteMs: 200, pollMs: 60_000 });
    driver.start();
    await driver.drain();
    const first = seen.length;
    await new Promise((r) => setTimeout(r, 450));
    driver.stop();
    await driver.drain();
    // Two slot starts passed in 450 ms although the poll (60 s) never came.
    expect(seen.length - first).toBeGreaterThanOrEqual(2);
  });
});

describe("the in-process driver honours the functions' concurrency keys", () => {
  function gated(concurrency: Parameters<typeof client.createFunction>[0]["concurrency"]) {
    const slow = eventType("test/slow", { schema: staticSchema<{ scriptId: string; companyId: string; n: number }>() });
    const active = new Map<string, number>();
    let peakTotal = 0;
    const peakByScript = new Map<string, number>();
    let total = 0;
    const fn = client.createFunction({ id: `slow-${Math.random()}`, triggers: [slow], concurrency }, async ({ event }) => {
      total += 1;
      active.set(event.data.scriptId, (active.get(event.data.scriptId) ?? 0) + 1);
      peakTotal = Math.max(peakTotal, total);
      peakByScript.set(event.data.scriptId, Math.max(peakByScript.get(event.data.scriptId) ?? 0, active.get(event.data.scriptId)!));
      await new Promise((r) => setTimeout(r, 5));
      active.set(event.data.scriptId, active.get(event.data.scriptId)! - 1);
      total -= 1;
    });
    const driver = new InProcessDriver([fn], { log: () => {}, concurrency: 20 });
    const send = (scriptId: string, n: number) =>
      driver.send(Array.from({ length: n }, (_, i) => slow.create({ scriptId, companyId: "c1", n: i })));
    return { driver, send, peaks: () => ({ total: peakTotal, byScript: Object.fromEntries(peakByScript) }) };
  }

  it("runs at most `limit` at once per key value, and other keys go on meanwhile", async () => {
    const { driver, send, peaks } = gated([{ key: "event.data.scriptId", limit: 2 }, { key: "event.data.companyId", limit: 3 }]);
    await send("s1", 10);
    await send("s2", 10);
    await driver.drain();
    expect(peaks().byScript).toEqual({ s1: 2, s2: 2 });
    expect(peaks().total).toBeLessThanOrEqual(3);
    expect(peaks().total).toBe(3); // the company's limit, not the driver's 20, bounded the two scripts together
  });

  it("a limit without a key bounds the function as a whole", async () => {
    const { driver, send, peaks } = gated({ limit: 1 });
    await send("s1", 4);
    await send("s2", 4);
    await driver.drain();
    expect(peaks().total).toBe(1);
  });

  it("refuses a key it cannot evaluate rather than ignoring it", () => {
    const fn = client.createFunction({ id: "odd-key", triggers: [ping], concurrency: { key: "event.data.a + event.data.b", limit: 1 } }, async () => {});
    expect(() => new InProcessDriver([fn])).toThrow(/concurrency key/);
  });
});

describe("the in-process driver honours the functions' batchEvents", () => {
  function batched(timeout: `${number}s`, failFirst = 0) {
    const item = eventType("test/item", { schema: staticSchema<{ n: number }>() });
    const runs: number[][] = [];
    let failures = failFirst;
    const fn = client.createFunction(
      { id: `batched-${Math.random()}`, triggers: [item], retries: 2, batchEvents: { maxSize: 3, timeout } },
      async ({ events, event, step }) => {
        const ns = await step.run("read", () => events.map((e) => e.data.n));
        expect(event.data.n).toBe(ns[0]);
        if (failures > 0) {
          failures -= 1;
          throw new Error("flaky");
        }
        runs.push(ns);
      },
    );
    const driver = new InProcessDriver([fn], { log: () => {}, retryBaseMs: 5 });
    const send = (...ns: number[]) => driver.send(ns.map((n) => item.create({ n })));
    return { driver, send, runs };
  }

  it("runs a batch as soon as it holds maxSize events, the rest when its timeout passes", async () => {
    const { send, runs } = batched("1s");
    await send(1, 2, 3, 4, 5);
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toEqual([[1, 2, 3]]); // full: at once; [4, 5] waits for more
    await new Promise((r) => setTimeout(r, 1200));
    expect(runs).toEqual([[1, 2, 3], [4, 5]]);
  });

  it("runs what is waiting at once when drained, and retries a failed batch as a whole", async () => {
    const { driver, send, runs } = batched("60s", 1);
    await send(7, 8);
    const started = Date.now();
    await driver.drain();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(runs).toEqual([[7, 8]]);
  });

  it("refuses a batch key it cannot honour rather than ignoring it", () => {
    const keyed = client.createFunction({ id: "keyed-batch", triggers: [ping], batchEvents: { maxSize: 10, timeout: "1s", key: "event.data.n" } }, async () => {});
    expect(() => new InProcessDriver([keyed])).toThrow(/batchEvents/);
  });
});

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

  it("can run every-minute crons faster for time-compressed demos", async () => {
    let now = new Date("2026-03-02T02:00:05Z");
    const { driver, seen } = setup({ now: () => now, everyMinuteMs: 5000 });
    driver.fireDueCrons();
    now = new Date("2026-03-02T02:00:11Z");
    driver.fireDueCrons();
    await driver.drain();
    expect(seen).toEqual(["cron", "cron"]);
  });
});

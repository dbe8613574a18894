import { cron, eventType, Inngest, staticSchema } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import { runningDriver, startInProcessJobs } from "./start-in-process-jobs";

/** `npm start`'s cluster (scripts/start-server.mjs): worker 1 fires the crons, the others (JOBS_CRONS=0) only run events. */
const client = new Inngest({ id: "start-jobs-test" });
const ping = eventType("test/ping", { schema: staticSchema<{ n: number }>() });
const holder = globalThis as unknown as { __zwJobDriver?: unknown };

async function start(jobsCrons: string | undefined) {
  const seen: string[] = [];
  const onPing = client.createFunction({ id: "on-ping", triggers: [ping] }, async ({ event }) => void seen.push(`ping:${event.data.n}`));
  const minutely = client.createFunction({ id: "minutely", triggers: [cron("* * * * *")] }, async () => void seen.push("cron"));
  if (jobsCrons === undefined) delete process.env.JOBS_CRONS;
  else process.env.JOBS_CRONS = jobsCrons;
  const driver = (await startInProcessJobs([onPing, minutely]))!;
  await driver.send(ping.create({ n: 1 }));
  await driver.drain();
  return { driver, seen };
}

afterEach(() => {
  runningDriver()?.stop();
  delete holder.__zwJobDriver;
  delete process.env.JOBS_CRONS;
});

describe("startInProcessJobs under the cluster", () => {
  it("fires the crons at start in the worker that owns them (JOBS_CRONS unset or 1)", async () => {
    const { seen } = await start("1");
    expect(seen).toContain("cron");
    expect(seen).toContain("ping:1");
  });

  it("runs its own events but no cron with JOBS_CRONS=0", async () => {
    const { seen } = await start("0");
    expect(seen).toEqual(["ping:1"]);
  });
});

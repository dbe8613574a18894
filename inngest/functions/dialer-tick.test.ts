import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { dialerTick } from "./dialer-tick";

const claim = (n: number) => ({ taskId: `t${n}`, companyId: "c1", scriptId: "s1", attempt: 1, claimToken: `w:${n}` });
const tick = (claimed: ReturnType<typeof claim>[]) => ({ claimed, recovered: 1, cancelled: 0, decided: claimed.length + 2, deferred: 2, intercepted: 0, failures: [] });

describe("dialer-tick", () => {
  // The claim itself is the hopper's (integration-tested on PostgreSQL); here it is mocked, and so is the send.
  const run = (claimed: ReturnType<typeof claim>[]) =>
    new InngestTestEngine({ function: dialerTick, events: [{ name: "outbound/batch.started", data: { companyId: "c1" } }] }).execute({
      steps: [
        { id: "claim-due-tasks", handler: () => tick(claimed) },
        { id: "finish-batches", handler: () => ({ finished: [] }) },
        { id: "place-calls", handler: () => ({ ids: claimed.map((c) => c.taskId) }) },
      ],
    });

  it("turns every claimed attempt into one outbound/call.place event", async () => {
    const { result, ctx } = await run([claim(1), claim(2)]);
    expect(result).toEqual({ claimed: 2, deferred: 2, intercepted: 0, recovered: 1, failures: [] });
    expect(ctx.step.sendEvent).toHaveBeenCalledTimes(1);
    const [id, events] = ctx.step.sendEvent.mock.calls[0]!;
    expect(id).toBe("place-calls");
    expect(events).toEqual([
      expect.objectContaining({ name: "outbound/call.place", data: claim(1) }),
      expect.objectContaining({ name: "outbound/call.place", data: claim(2) }),
    ]);
  });

  it("sends nothing when nothing was claimed", async () => {
    const { result, ctx } = await run([]);
    expect(result).toMatchObject({ claimed: 0 });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it("runs every minute and on outbound/batch.started, one tick at a time", () => {
    expect(dialerTick.opts.triggers).toEqual([{ cron: "* * * * *" }, expect.objectContaining({ name: "outbound/batch.started" })]);
    expect(dialerTick.opts.concurrency).toEqual({ limit: 1 });
  });
});

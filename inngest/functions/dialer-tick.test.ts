import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { PLACE_BATCH_SIZE } from "@/server/services/dialer/dialer-settings";
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

  it("sends the claimed attempts as outbound/calls.place events of up to PLACE_BATCH_SIZE claims, every claim once", async () => {
    const claims = Array.from({ length: PLACE_BATCH_SIZE + 3 }, (_, n) => claim(n));
    const { result, ctx } = await run(claims);
    expect(result).toEqual({ claimed: claims.length, deferred: 2, intercepted: 0, recovered: 1, failures: [] });
    expect(ctx.step.sendEvent).toHaveBeenCalledTimes(1);
    const [id, events] = ctx.step.sendEvent.mock.calls[0]!;
    expect(id).toBe("place-calls");
    expect(events).toEqual([
      expect.objectContaining({ name: "outbound/calls.place", data: { claims: claims.slice(0, PLACE_BATCH_SIZE) } }),
      expect.objectContaining({ name: "outbound/calls.place", data: { claims: claims.slice(PLACE_BATCH_SIZE) } }),
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

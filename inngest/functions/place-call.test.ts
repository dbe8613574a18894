import { InngestTestEngine } from "@inngest/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setJobDeps } from "@/server/jobs/job-deps";
import { placeCall } from "./place-call";

const placeClaimedCall = vi.hoisted(() => vi.fn());
vi.mock("@/server/services/dialer/place-claimed-call", () => ({ placeClaimedCall }));

const data = { taskId: "t1", companyId: "c1", scriptId: "s1", attempt: 2, claimToken: "w:1" };

describe("place-call", () => {
  afterEach(() => {
    setJobDeps(undefined);
    placeClaimedCall.mockReset();
  });

  it("places the claimed attempt with the carrier, in one step", async () => {
    const deps = { db: {} as never, carrier: {} as never, now: () => new Date("2026-03-02T02:00:00Z"), workerId: "test" };
    setJobDeps(async () => deps);
    placeClaimedCall.mockResolvedValue({ status: "placed", carrierCallId: "sim_1", callId: "call1" });
    const t = new InngestTestEngine({ function: placeCall, events: [{ name: "outbound/call.place", data }] });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ status: "placed", carrierCallId: "sim_1", callId: "call1" });
    expect(ctx.step.run).toHaveBeenCalledWith("place-call", expect.any(Function));
    expect(placeClaimedCall).toHaveBeenCalledWith(deps.db, deps.carrier, data, new Date("2026-03-02T02:00:00Z"));
  });

  it("keeps Inngest within a script's and a company's seats and the per-minute throttle", () => {
    expect(placeCall.opts.concurrency).toEqual([
      { key: "event.data.scriptId", limit: 50 },
      { key: "event.data.companyId", limit: 1000 },
    ]);
    expect(placeCall.opts.throttle).toEqual({ key: "event.data.scriptId", limit: 60, period: "1m" });
  });
});

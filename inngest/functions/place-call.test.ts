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
    // The clock itself, read again once the carrier accepted (the Call row's dialedAt).
    expect(placeClaimedCall).toHaveBeenCalledWith(deps.db, deps.carrier, data, deps.now);
  });

  it("leaves seats and the per-minute limit to the hopper: no key caps a company's own limits", () => {
    expect(placeCall.opts).not.toHaveProperty("concurrency");
    expect(placeCall.opts).not.toHaveProperty("throttle");
  });
});

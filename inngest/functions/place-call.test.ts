import { InngestTestEngine } from "@inngest/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setJobDeps } from "@/server/jobs/job-deps";
import { placeCall } from "./place-call";

const placeClaimedCalls = vi.hoisted(() => vi.fn());
vi.mock("@/server/services/dialer/place-claimed-call", () => ({ placeClaimedCalls }));

const data = { taskId: "t1", companyId: "c1", scriptId: "s1", attempt: 2, claimToken: "w:1" };

describe("place-call", () => {
  afterEach(() => {
    setJobDeps(undefined);
    placeClaimedCalls.mockReset();
  });

  const deps = { db: {} as never, carrier: {} as never, now: () => new Date("2026-03-02T02:00:00Z"), workerId: "test" };
  const placed = (n: number) => ({ status: "placed", carrierCallId: `sim_${n}`, callId: `call${n}` });

  it("places a batch of claimed attempts with the carrier, in one step", async () => {
    setJobDeps(async () => deps);
    const other = { ...data, taskId: "t2" };
    placeClaimedCalls.mockResolvedValue([placed(1), placed(2)]);
    const t = new InngestTestEngine({ function: placeCall, events: [{ name: "outbound/calls.place", data: { claims: [data, other] } }] });
    const { result, ctx } = await t.execute();
    expect(result).toEqual([placed(1), placed(2)]);
    expect(ctx.step.run).toHaveBeenCalledWith("place-call", expect.any(Function));
    // The clock itself, read again once the carrier accepted (the Call rows' dialedAt).
    expect(placeClaimedCalls).toHaveBeenCalledWith(deps.db, deps.carrier, [data, other], deps.now);
  });

  it("places a single outbound/call.place of an older release as a batch of one", async () => {
    setJobDeps(async () => deps);
    placeClaimedCalls.mockResolvedValue([placed(1)]);
    const t = new InngestTestEngine({ function: placeCall, events: [{ name: "outbound/call.place", data }] });
    const { result } = await t.execute();
    expect(result).toEqual([placed(1)]);
    expect(placeClaimedCalls).toHaveBeenCalledWith(deps.db, deps.carrier, [data], deps.now);
  });

  it("leaves seats and the per-minute limit to the hopper: no key caps a company's own limits", () => {
    expect(placeCall.opts).not.toHaveProperty("concurrency");
    expect(placeCall.opts).not.toHaveProperty("throttle");
  });
});

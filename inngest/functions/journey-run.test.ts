import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { journeyRun } from "./journey-run";

// The work inside each step is the journey services' (integration-tested on PostgreSQL); here it is mocked.
describe("journey-run", () => {
  it("on its cron, requests one run per due journey and moves due patients on", async () => {
    const due = [
      { journeyId: "j1", scheduledFor: "2030-03-05T02:00:00.000Z" },
      { journeyId: "j2", scheduledFor: "2030-03-05T01:00:00.000Z" },
    ];
    const { result, ctx } = await new InngestTestEngine({
      function: journeyRun,
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
    }).execute({
      steps: [
        { id: "find-due-runs", handler: () => due },
        { id: "request-runs", handler: () => ({ ids: ["a", "b"] }) },
        { id: "advance-patients", handler: () => ({ advanced: 3, dispatches: [{ companyId: "c1", scriptId: "s1" }] }) },
        { id: "start-dialer-after-advance", handler: () => ({ ids: ["c"] }) },
      ],
    });
    expect(result).toEqual({ requested: 2, advanced: 3 });
    const sent = ctx.step.sendEvent.mock.calls.map(([id, events]) => [id, (events as { name: string; data: unknown }[]).map((e) => [e.name, e.data])]);
    expect(sent).toEqual([
      ["request-runs", due.map((d) => ["journey/run.requested", d])],
      ["start-dialer-after-advance", [["outbound/batch.started", { companyId: "c1", scriptId: "s1" }]]],
    ]);
  });

  it("runs a requested journey and wakes the dialer for the scripts it dispatched to", async () => {
    const ran = { status: "ran", runId: "r1", companyId: "c1", entered: 5, dispatched: 4, failed: 1, scriptIds: ["s1"], resumed: false };
    const { result, ctx } = await new InngestTestEngine({
      function: journeyRun,
      events: [{ name: "journey/run.requested", data: { journeyId: "j1", scheduledFor: "2030-03-05T02:00:00.000Z" } }],
    }).execute({
      steps: [
        { id: "run-journey", handler: () => ran },
        { id: "start-dialer", handler: () => ({ ids: ["x"] }) },
      ],
    });
    expect(result).toEqual(ran);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("start-dialer", [expect.objectContaining({ name: "outbound/batch.started", data: { companyId: "c1", scriptId: "s1" } })]);
  });

  it("sends nothing when a requested run was already done", async () => {
    const { result, ctx } = await new InngestTestEngine({
      function: journeyRun,
      events: [{ name: "journey/run.requested", data: { journeyId: "j1", scheduledFor: "2030-03-05T02:00:00.000Z" } }],
    }).execute({ steps: [{ id: "run-journey", handler: () => ({ status: "skipped", reason: "alreadyRan" }) }] });
    expect(result).toEqual({ status: "skipped", reason: "alreadyRan" });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it("runs every minute and on journey/run.requested", () => {
    expect(journeyRun.opts.triggers).toEqual([{ cron: "* * * * *" }, expect.objectContaining({ name: "journey/run.requested" })]);
  });
});

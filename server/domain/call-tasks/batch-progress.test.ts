import { describe, expect, it } from "vitest";
import { batchFigures, estimateBatchFinish } from "./batch-progress";

const SH = "Asia/Shanghai";
const at = (iso: string) => new Date(`${iso}+08:00`);

describe("batchFigures", () => {
  it("counts called of total, answered, intercepted and still waiting from the tasks", () => {
    const f = batchFigures([
      { status: "ended", attempt: 1, lastOutcome: "answered", calls: 1 },
      { status: "ended", attempt: 2, lastOutcome: "noAnswer", calls: 2 },
      { status: "pending", attempt: 1, lastOutcome: "busy", calls: 1 },
      { status: "pending", attempt: 0, lastOutcome: null, calls: 0 },
      { status: "inCall", attempt: 1, lastOutcome: null, calls: 1 },
      { status: "intercepted", attempt: 0, lastOutcome: null, calls: 0 },
      { status: "failed", attempt: 0, lastOutcome: null, calls: 0 },
    ]);
    expect(f).toMatchObject({ total: 7, called: 4, answered: 1, intercepted: 1, waiting: 3 });
  });
});

describe("estimateBatchFinish", () => {
  it("spends the work inside 09:00–20:00 only", () => {
    expect(estimateBatchFinish(60, 30, at("2026-12-07T10:00:00"), SH)).toEqual(at("2026-12-07T10:02:00"));
    // At night the work starts at the opening.
    expect(estimateBatchFinish(60, 30, at("2026-12-07T04:30:00"), SH)).toEqual(at("2026-12-07T09:02:00"));
    // 19:50 with an hour of work: ten minutes today, fifty tomorrow from 09:00.
    expect(estimateBatchFinish(60, 1, at("2026-12-07T19:50:00"), SH)).toEqual(at("2026-12-08T09:50:00"));
  });

  it("has no estimate when nothing waits or nothing is dialed", () => {
    expect(estimateBatchFinish(0, 30, at("2026-12-07T10:00:00"), SH)).toBeNull();
    expect(estimateBatchFinish(5, 0, at("2026-12-07T10:00:00"), SH)).toBeNull();
  });
});

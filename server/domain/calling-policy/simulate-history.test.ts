import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDayRange, zonedParts } from "../time/local-day";
import { decide } from "./decide";
import { DAY_MS, MOBILE, ZONES } from "./arbitraries.test-helpers";
import type { PastCall, PolicyContext, ScriptCategory } from "./types";

const SCRIPTS: Record<string, ScriptCategory> = { s1: "service", s2: "service", s3: "marketing", s4: "marketing", s5: "service" };

/**
 * Replays random attempts against one number over weeks (new outreaches and redials of earlier ones, at random
 * moments), letting `decide` admit or refuse each, then checks the caps over the whole log of admitted dials — the
 * invariants of docs/calling-rules.md, at every instant rather than only at the moment of each decision.
 */
describe("calling policy over a simulated history", () => {
  const step = fc.record({
    gapMin: fc.integer({ min: 1, max: 3 * 24 * 60 }),
    newTask: fc.boolean(),
    scriptId: fc.constantFrom(...Object.keys(SCRIPTS)),
    pick: fc.nat(),
    answered: fc.boolean(),
  });

  it("keeps every cap and the window true over the admitted dials", { timeout: 30_000 }, () => {
    let admittedTotal = 0;
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2029-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        fc.array(step, { minLength: 20, maxLength: 120 }),
        (start, timeZone, steps) => {
          const log: PastCall[] = [];
          const tasks: { id: string; scriptId: string }[] = [];
          let t = start.getTime();
          for (const s of steps) {
            t += s.gapMin * 60_000;
            const now = new Date(t);
            const task =
              s.newTask || tasks.length === 0
                ? (tasks.push({ id: `t${tasks.length}`, scriptId: s.scriptId }), tasks[tasks.length - 1]!)
                : tasks[s.pick % tasks.length]!;
            const ctx: PolicyContext = {
              timeZone,
              category: SCRIPTS[task.scriptId]!,
              limits: { seatLimit: 1000, seatsPerScript: 50, dialsPerMinuteScript: 60 },
              seats: { companyActive: 0, scriptActive: 0 },
              recentDials: { count: 0, oldestAt: null },
              history: log.filter((c) => c.dialedAt.getTime() > t - 30 * DAY_MS),
              dnc: { ok: true, entries: [] },
            };
            if (decide({ ...task, mobile: MOBILE }, ctx, now).kind === "allow") {
              log.push({ taskId: task.id, scriptId: task.scriptId, category: ctx.category, dialedAt: now, answered: s.answered, inProgress: false });
            }
          }
          admittedTotal += log.length;
          for (const dial of log) {
            const at = dial.dialedAt.getTime();
            const hour = zonedParts(dial.dialedAt, timeZone).hour;
            expect(hour >= 9 && hour < 20).toBe(true);
            const within = (days: number) => log.filter((c) => c.dialedAt.getTime() > at - days * DAY_MS && c.dialedAt.getTime() <= at);
            expect(new Set(within(30).map((c) => c.taskId)).size).toBeLessThanOrEqual(4);
            expect(new Set(within(15).filter((c) => c.scriptId === dial.scriptId).map((c) => c.taskId)).size).toBe(1);
            const marketing = within(15).filter((c) => c.category === "marketing");
            if (dial.category === "marketing") {
              expect(marketing.length).toBeLessThanOrEqual(3);
              expect(marketing.filter((c) => c.answered && c !== dial).length).toBe(0);
            } else {
              const day = localDayRange(dial.dialedAt, timeZone);
              const sameDay = log.filter((c) => c.category === "service" && c.dialedAt >= day.start && c.dialedAt < day.end);
              expect(sameDay.length).toBeLessThanOrEqual(5);
              expect(sameDay.filter((c) => c.answered).length).toBeLessThanOrEqual(3);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(admittedTotal).toBeGreaterThan(300);
  });
});

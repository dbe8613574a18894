import fc from "fast-check";
import type { DncEntryLike, PastCall, PolicyContext, PolicyTask, ScriptCategory } from "./types";

export const DAY_MS = 86_400_000;
export const ZONES = ["Asia/Shanghai", "Asia/Urumqi", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC"];

export const nowArb = fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true });
export const categoryArb = fc.constantFrom<ScriptCategory>("service", "marketing");
const scriptIds = ["s1", "s2", "s3", "s4"];
const taskIds = ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"];

/** Calls within the last 40 days relative to `now`. */
export const historyArb = (now: Date) =>
  fc.array(
    fc.record({
      taskId: fc.constantFrom(...taskIds),
      scriptId: fc.constantFrom(...scriptIds),
      category: categoryArb,
      ago: fc.integer({ min: 0, max: 40 * DAY_MS }),
      answered: fc.boolean(),
      inProgress: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    }),
    { maxLength: 8 },
  ).map((rows) =>
    rows.map(
      (r): PastCall => ({
        taskId: r.taskId,
        scriptId: r.scriptId,
        category: r.category,
        dialedAt: new Date(now.getTime() - r.ago),
        answered: r.answered,
        inProgress: r.ago < 600_000 && r.inProgress,
      }),
    ),
  );

export const MOBILE = "13700001111";

export const dncArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ ok: false } as const) },
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.record({ kind: fc.constantFrom("platform", "highComplaint", "optOut" as const), mobile: fc.constantFrom(MOBILE, "13911112222"), pattern: fc.constant(null) }),
          fc.record({ kind: fc.constant("vanityPattern" as const), mobile: fc.constant(null), pattern: fc.constantFrom("^1\\d{2}(\\d)\\1{7}$", "1111$", "^137") }),
        ),
        { maxLength: 3 },
      )
      .map((entries) => ({ ok: true as const, entries: entries as DncEntryLike[] })),
  },
);

export const scenarioArb = nowArb.chain((now) =>
  fc.record({
    now: fc.constant(now),
    task: fc.record({ id: fc.constantFrom(...taskIds), scriptId: fc.constantFrom(...scriptIds), mobile: fc.constant(MOBILE) }) as fc.Arbitrary<PolicyTask>,
    ctx: fc.record({
      timeZone: fc.constantFrom(...ZONES),
      category: categoryArb,
      limits: fc.constant({ seatLimit: 1000, seatsPerScript: 50, dialsPerMinuteScript: 60 }),
      // Mostly spare capacity, sometimes at or over a limit.
      seats: fc.record({
        companyActive: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 999 }) }, fc.integer({ min: 1000, max: 1100 })),
        scriptActive: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 49 }) }, fc.integer({ min: 50, max: 60 })),
      }),
      recentDials: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 59 }) }, fc.integer({ min: 60, max: 70 })).chain((count) =>
        fc.record({ count: fc.constant(count), oldestAt: fc.integer({ min: 0, max: 59_999 }).map((ago) => (count ? new Date(now.getTime() - ago) : null)) }),
      ),
      history: historyArb(now),
      dnc: dncArb,
    }) as fc.Arbitrary<PolicyContext>,
  }),
);

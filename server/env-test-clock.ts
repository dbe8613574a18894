/**
 * A shifted clock for end-to-end tests only (issue 27: 实时监控's 「outside 09:00–20:00」 reason seen on a server whose
 * clock says 21:30 while the suite's own server dials at the real time). APP_TEST_CLOCK_SHIFT_MINUTES moves the clock of
 * the monitor and of the jobs (the dialer's `now`) of this process by that many minutes.
 *
 * Guarded so that no deployment runs on a shifted clock by accident: it is honoured only when DATABASE_URL names a
 * database of the e2e harness (scripts/test-e2e.ts creates `zw_e2e_<pid>_<time>`), and anywhere else the process
 * refuses to start (env.ts checks at boot) instead of silently ignoring or applying it.
 */
export const TEST_CLOCK_VARIABLE = "APP_TEST_CLOCK_SHIFT_MINUTES";
const TEST_DATABASE = /^zw_e2e_/;

/** The shift in ms (0 when unset); throws when it is set outside an e2e database or is not a whole number of minutes. */
export function testClockShiftMs(processEnv: Record<string, string | undefined>): number {
  const raw = processEnv[TEST_CLOCK_VARIABLE]?.trim();
  if (!raw) return 0;
  const minutes = Number(raw);
  if (!Number.isInteger(minutes)) throw new Error(`${TEST_CLOCK_VARIABLE} must be a whole number of minutes, got "${raw}"`);
  let database = "";
  try {
    database = decodeURIComponent(new URL(processEnv.DATABASE_URL ?? "").pathname.slice(1));
  } catch {}
  if (!TEST_DATABASE.test(database)) {
    throw new Error(`${TEST_CLOCK_VARIABLE} is for the e2e suite only (a zw_e2e_… database); unset it — this process will not run on a shifted clock`);
  }
  return minutes * 60_000;
}

/** Timings of the dialer (docs/dialer.md). */

/** A claim the carrier was never asked about (no placingAt) is recovered after this long. */
export const CLAIM_STALE_MS = 2 * 60_000;
/**
 * A claim whose createCall may have reached the carrier (placingAt set, no Call row yet) is recovered only after this
 * long: if the carrier did accept it, its result arrives (at least once) well before, so the same attempt is never dialed
 * twice even by a carrier that does not deduplicate our clientRef.
 */
export const PLACING_STALE_MS = 2 * 3600_000;
// How long a task waits after the carrier refused it: server/domain/vendor/vendor-errors.ts (slowDownDelayMs, by code).
/** Candidates read per claim round, as a multiple of the free capacity (some are deferred or intercepted). */
export const CANDIDATE_FACTOR = 2;
export const MAX_CLAIM_ROUNDS = 4;
/**
 * Batched placement (docs/dialer.md): claims placed together — one event, one build, one carrier request where the
 * carrier offers a batch create, one transaction recording them.
 */
export const PLACE_BATCH_SIZE = 100;
/** A carrier without a batch create (Tencent CCC) gets at most this many createCall requests at once per batch. */
export const PLACE_CONCURRENCY = 16;
/**
 * The tick claims a company in transactions of at most this many claims, one after another while a slice comes back
 * full: each holds the company's lock briefly (the claim p99, docs/performance.md), and each counts the previous
 * slices' claims as seats in use and dials of the minute, as it counts another process's.
 */
export const CLAIM_SLICE = 200;
/**
 * Batched results (docs/dialer.md, "Results"): carrier results applied together — one transaction locking their tasks,
 * recording the calls, moving the tasks and debiting the balances set-based. The call-ended job takes this many
 * events at once, and waits at most RESULT_BATCH_WAIT for a batch to fill.
 */
export const RESULT_BATCH_SIZE = 100;
export const RESULT_BATCH_WAIT = "1s";

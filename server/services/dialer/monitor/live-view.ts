/**
 * One computation loop per live view per process (issue 27): every stream of the same view (a company's 实时监控 for a
 * set of clinics and a script, or the platform's) subscribes to the view's loop instead of computing for itself. The loop
 * computes when a notification concerning the view arrived — at most once per MIN_INTERVAL_MS, however many
 * notifications and however many open pages — and at least every IDLE_INTERVAL_MS (the rolling minute moves on), and
 * ends with its last subscriber. N open pages of a view thus cost one computation per second of activity, not N.
 */

/**
 * Calls `fn` with the company of every dialer write of any app process (`activity`), and of every change to what changes
 * slowly (`settings`; company `*`: anything may have changed — server/db/dialer-activity.ts); returns the unsubscribe.
 */
export type DialerActivity = (fn: (companyId: string, kind?: "activity" | "settings") => void) => () => void;

/** At most one computation of a view per this long, however many dials are notified. */
export const MIN_INTERVAL_MS = 1_000;
/** A computation at least this often without notifications (the live durations and the rolling minute move on). */
export const IDLE_INTERVAL_MS = 10_000;
/** Without a LISTEN connection (the embedded database), refresh this often instead. */
export const POLL_INTERVAL_MS = 2_000;

export interface LiveViewSpec<T> {
  /** Identifies the view within a process (streams with the same key share one loop). */
  key: string;
  /** Whether a notification of this company concerns the view. */
  concerns(companyId: string): boolean;
  /**
   * The view's next value. `changed`: the companies notified since the previous computation began, or null when
   * everything must be read again, what changes slowly included (the first computation, an idle refresh, a refresh
   * without LISTEN, a `settings` notification concerning the view, the LISTEN connection lost or back).
   */
  compute(changed: ReadonlySet<string> | null, previous: T | null): Promise<T>;
}

type Outcome<T> = { value: T } | { error: unknown };
type Subscriber<T> = (outcome: Outcome<T>) => void;

class LiveView<T> {
  private readonly subscribers = new Set<Subscriber<T>>();
  private latest: { value: T; startedAt: number } | null = null;
  private changed = new Set<string>();
  /** A `settings` notification concerning the view since the current computation began: read everything again. */
  private rereadAll = false;
  /** A notification (or a new subscriber) since the current computation began. */
  private dirty = true;
  private wake: (() => void) | null = null;
  private unlisten: (() => void) | null = null;
  private running = false;

  constructor(
    private readonly spec: LiveViewSpec<T>,
    private readonly activity: DialerActivity | null,
    private readonly onEmpty: () => void,
  ) {}

  subscribe(fn: Subscriber<T>): () => void {
    this.subscribers.add(fn);
    // A value computed after the latest notification is current: the newcomer starts from it; otherwise it waits for
    // the next computation (due at once, or at the end of the current interval).
    if (this.latest && !this.dirty) fn({ value: this.latest.value });
    else this.markDirty();
    if (!this.running) this.start();
    return () => {
      this.subscribers.delete(fn);
      if (this.subscribers.size === 0) this.wake?.();
    };
  }

  private markDirty(companyId?: string) {
    this.dirty = true;
    if (companyId) this.changed.add(companyId);
    this.wake?.();
  }

  private start() {
    this.running = true;
    this.unlisten =
      this.activity?.((companyId, kind) => {
        if (companyId !== "*" && !this.spec.concerns(companyId)) return;
        if (kind === "settings") this.rereadAll = true;
        this.markDirty(companyId === "*" ? undefined : companyId);
      }) ?? null;
    void this.loop();
  }

  private sleep(ms: number, untilDirty: boolean) {
    return new Promise<void>((resolve) => {
      if (this.subscribers.size === 0 || (untilDirty && this.dirty)) return resolve();
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        // Before the interval is over only the last subscriber leaving ends the wait; after it, any notification.
        if (!untilDirty && this.subscribers.size > 0) return;
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private async loop() {
    try {
      while (this.subscribers.size > 0) {
        const startedAt = Date.now();
        const idle = !this.dirty;
        const changed = idle || !this.latest || !this.activity || this.rereadAll ? null : this.changed;
        this.changed = new Set();
        this.rereadAll = false;
        this.dirty = false;
        let outcome: Outcome<T>;
        try {
          outcome = { value: await this.spec.compute(changed, this.latest?.value ?? null) };
          this.latest = { value: outcome.value, startedAt };
        } catch (error) {
          outcome = { error };
          this.latest = null;
        }
        for (const fn of [...this.subscribers]) fn(outcome);
        await this.sleep(Math.max(0, MIN_INTERVAL_MS - (Date.now() - startedAt)), false);
        await this.sleep(this.activity ? IDLE_INTERVAL_MS : POLL_INTERVAL_MS, true);
      }
    } finally {
      this.running = false;
      this.unlisten?.();
      this.unlisten = null;
      this.latest = null;
      this.dirty = true;
      this.rereadAll = false;
      this.onEmpty();
    }
  }
}

/** Per owner (a database client), the live views of this process. */
const viewsByOwner = new WeakMap<object, Map<string, LiveView<unknown>>>();

/**
 * A stream of the view's values: the current one (or the next, if a notification came since), then each later one. A
 * consumer slower than the loop skips to the latest value (each is whole). An error of a computation ends the streams
 * that receive it. Ends when `signal` aborts.
 */
export async function* streamLiveView<T>(
  owner: object,
  spec: LiveViewSpec<T>,
  opts: { activity: DialerActivity | null; signal?: AbortSignal },
): AsyncGenerator<T> {
  let views = viewsByOwner.get(owner);
  if (!views) viewsByOwner.set(owner, (views = new Map()));
  const all = views;
  let view = all.get(spec.key) as LiveView<T> | undefined;
  if (!view) {
    const created: LiveView<T> = new LiveView(spec, opts.activity, () => {
      if (all.get(spec.key) === created) all.delete(spec.key);
    });
    all.set(spec.key, created as LiveView<unknown>);
    view = created;
  }

  // A box, not a variable: it is set by the subscriber callback between awaits.
  const mailbox: { pending: Outcome<T> | null } = { pending: null };
  let wake: (() => void) | null = null;
  const onAbort = () => wake?.();
  opts.signal?.addEventListener("abort", onAbort);
  const unsubscribe = view.subscribe((outcome) => {
    mailbox.pending = outcome;
    wake?.();
  });
  try {
    while (!opts.signal?.aborted) {
      if (!mailbox.pending) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const next = mailbox.pending;
      mailbox.pending = null;
      if (!next || opts.signal?.aborted) continue;
      if ("error" in next) throw next.error;
      yield next.value;
    }
  } finally {
    unsubscribe();
    opts.signal?.removeEventListener("abort", onAbort);
  }
}

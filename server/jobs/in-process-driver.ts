import type { InngestFunction } from "inngest";
import { cronMatches, parseCron, type CronSchedule } from "./cron-schedule";

/** An event as the app sends it (the same shape Inngest receives). */
export interface JobEvent {
  name: string;
  data: Record<string, unknown>;
  id?: string;
  ts?: number;
}

interface Registered {
  id: string;
  events: Set<string>;
  crons: { expression: string; schedule: CronSchedule }[];
  handler: (ctx: Record<string, unknown>) => unknown;
  retries: number;
  /** The function's `concurrency` keys: at most `limit` runs at once per value of `key` (or per function without one). */
  concurrency: { limit: number; key?: string }[];
  /** The function's `batchEvents`: its events are run together, up to `maxSize` a run, waiting at most `timeoutMs`. */
  batch: { maxSize: number; timeoutMs: number } | null;
}

/** One run: its events (one, or a batch for a function with `batchEvents`). */
type Job = { fn: Registered; events: JobEvent[]; attempt: number };

export interface DriverOptions {
  /** How often due crons are looked at. */
  pollMs?: number;
  /** Runs executing at once across all functions (PostgreSQL enforces the product's limits; this only bounds load). */
  concurrency?: number;
  /**
   * When set, "* * * * *" crons fire this often instead of once a minute (demos with a time-compressed carrier): once
   * per wall-clock slot of this length, as a real cron fires once per minute, so every process fires in the same slot.
   */
  everyMinuteMs?: number;
  /** First retry delay; doubles each attempt (max 30 s). */
  retryBaseMs?: number;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

type Trigger = { event?: string | { name: string }; cron?: string };

/**
 * Runs the app's Inngest functions in this process when no Inngest server is configured: the same handlers, invoked
 * with an `event` and a `step` offering `run` (executes, result passed through JSON like Inngest's memoised state) and
 * `sendEvent` (dispatched in memory). Crons fire once per matching minute; failed runs are retried with backoff up to
 * the function's `retries`. A function with `batchEvents` gets its events together (`events`), as Inngest hands them
 * over: a run when `maxSize` have come or `timeout` after the first — or at once while someone drains. Nothing is persisted: the dialer keeps its state in PostgreSQL, and a run lost with the
 * process is repeated by the next tick (stale claims are recovered there).
 */
export class InProcessDriver {
  private readonly functions: Registered[];
  private readonly queue: Job[] = [];
  private running = 0;
  /** Runs in progress per concurrency slot (function, key index, key value). */
  private readonly slots = new Map<string, number>();
  private retrying = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private slotTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly lastCron = new Map<string, number>();
  private readonly idle = new Set<() => void>();
  /** Events of `batchEvents` functions waiting for their batch to fill or time out, by function id. */
  private readonly batches = new Map<string, { events: JobEvent[]; timer: ReturnType<typeof setTimeout> }>();
  private readonly opts: Required<Omit<DriverOptions, "everyMinuteMs">> & Pick<DriverOptions, "everyMinuteMs">;

  constructor(functions: readonly InngestFunction.Any[], options: DriverOptions = {}) {
    this.opts = { pollMs: 1000, concurrency: 8, retryBaseMs: 1000, now: () => new Date(), log: (m, e) => console.error(m, e ?? ""), ...options };
    this.functions = functions.map(register);
  }

  start() {
    if (this.timer) return;
    this.timer = setInterval(() => this.fireDueCrons(), this.opts.pollMs);
    this.timer.unref?.();
    this.fireDueCrons();
    if (this.opts.everyMinuteMs) this.wakeAtNextSlot(this.opts.everyMinuteMs);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    if (this.slotTimer) clearTimeout(this.slotTimer);
    this.timer = null;
    this.slotTimer = null;
  }

  /** Fast crons fire at the start of their slot rather than up to a poll later: processes then tick together, as at :00. */
  private wakeAtNextSlot(every: number) {
    const wait = every - (this.opts.now().getTime() % every) + 1;
    this.slotTimer = setTimeout(() => {
      this.fireDueCrons();
      if (this.timer) this.wakeAtNextSlot(every);
    }, wait);
    this.slotTimer.unref?.();
  }

  /** Dispatches events to every function they trigger. */
  async send(events: JobEvent | readonly JobEvent[]): Promise<{ ids: string[] }> {
    const list = Array.isArray(events) ? events : [events as JobEvent];
    const ids: string[] = [];
    for (const event of list) {
      const withId = { ...event, id: event.id ?? crypto.randomUUID(), ts: event.ts ?? this.opts.now().getTime() };
      ids.push(withId.id);
      for (const fn of this.functions) if (fn.events.has(event.name)) this.collect(fn, withId);
    }
    return { ids };
  }

  /** Resolves when no run is queued or running (tests and the bench wait on it). */
  drain(): Promise<void> {
    for (const id of [...this.batches.keys()]) this.flush(id);
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  fireDueCrons() {
    const now = this.opts.now();
    for (const fn of this.functions) {
      for (const { expression, schedule } of fn.crons) {
        const key = `${fn.id}|${expression}`;
        const last = this.lastCron.get(key) ?? 0;
        const fast = this.opts.everyMinuteMs && expression.trim() === "* * * * *";
        const slot = (at: number) => Math.floor(at / (fast ? this.opts.everyMinuteMs! : 60_000));
        const due = (fast || cronMatches(schedule, now)) && slot(now.getTime()) !== slot(last);
        if (!due) continue;
        this.lastCron.set(key, now.getTime());
        this.enqueue(fn, [{ name: "inngest/scheduled.timer", data: { cron: expression }, id: crypto.randomUUID(), ts: now.getTime() }], 0);
      }
    }
  }

  /** An event for `fn`: a run of its own, or a place in the function's open batch. */
  private collect(fn: Registered, event: JobEvent) {
    if (!fn.batch) return this.enqueue(fn, [event], 0);
    let open = this.batches.get(fn.id);
    if (!open) {
      const timer = setTimeout(() => this.flush(fn.id), fn.batch.timeoutMs);
      timer.unref?.();
      open = { events: [], timer };
      this.batches.set(fn.id, open);
    }
    open.events.push(event);
    // Someone is draining (tests, the bench): no batch waits for its timeout then.
    if (open.events.length >= fn.batch.maxSize || this.idle.size > 0) this.flush(fn.id);
  }

  /** The open batch of a function becomes a run. */
  private flush(fnId: string) {
    const open = this.batches.get(fnId);
    if (!open) return;
    clearTimeout(open.timer);
    this.batches.delete(fnId);
    this.enqueue(this.functions.find((f) => f.id === fnId)!, open.events, 0);
  }

  private enqueue(fn: Registered, events: JobEvent[], attempt: number) {
    this.queue.push({ fn, events, attempt });
    this.pump();
  }

  /** Starts queued runs in order, skipping those whose function's concurrency key is full (they wait their turn). */
  private pump() {
    for (let i = 0; i < this.queue.length && this.running < this.opts.concurrency; ) {
      const job = this.queue[i]!;
      const keys = slotKeys(job);
      if (keys.some((k, n) => (this.slots.get(k) ?? 0) >= job.fn.concurrency[n]!.limit)) {
        i += 1;
        continue;
      }
      this.queue.splice(i, 1);
      this.running += 1;
      for (const k of keys) this.slots.set(k, (this.slots.get(k) ?? 0) + 1);
      void this.execute(job).finally(() => {
        this.running -= 1;
        for (const k of keys) {
          const left = (this.slots.get(k) ?? 1) - 1;
          if (left > 0) this.slots.set(k, left);
          else this.slots.delete(k);
        }
        this.pump();
        this.notifyIdle();
      });
    }
  }

  private isIdle() {
    return this.running === 0 && this.retrying === 0 && this.queue.length === 0 && this.batches.size === 0;
  }

  private notifyIdle() {
    if (!this.isIdle()) return;
    for (const resolve of [...this.idle]) {
      this.idle.delete(resolve);
      resolve();
    }
  }

  private async execute(job: Job) {
    const step = {
      run: async (_id: string, fn: () => unknown) => {
        const value = await fn();
        return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
      },
      sendEvent: async (_id: string, events: JobEvent | JobEvent[]) => this.send(events),
    };
    try {
      await job.fn.handler({ event: job.events[0], events: job.events, step, runId: crypto.randomUUID(), attempt: job.attempt, logger: console });
    } catch (error) {
      if (job.attempt < job.fn.retries) {
        const delay = Math.min(30_000, this.opts.retryBaseMs * 2 ** job.attempt);
        this.retrying += 1;
        setTimeout(() => {
          this.retrying -= 1;
          this.enqueue(job.fn, job.events, job.attempt + 1);
        }, delay).unref?.();
      } else {
        this.opts.log(`[jobs] ${job.fn.id} failed after ${job.attempt + 1} attempt(s) for ${job.events.length} × ${job.events[0]!.name}`, error);
      }
    }
  }
}

function register(fn: InngestFunction.Any): Registered {
  const handler = (fn as unknown as { fn?: Registered["handler"] }).fn;
  if (typeof handler !== "function") throw new Error(`cannot run ${fn.id()} in process: its handler is not reachable`);
  const opts = fn.opts as {
    id: string;
    triggers?: Trigger[];
    retries?: number;
    concurrency?: number | ConcurrencyOption | ConcurrencyOption[];
    batchEvents?: { maxSize: number; timeout: string; key?: string; if?: string };
  };
  const events = new Set<string>();
  const crons: Registered["crons"] = [];
  for (const t of opts.triggers ?? []) {
    if (t.cron) crons.push({ expression: t.cron, schedule: parseCron(t.cron) });
    else if (t.event) events.add(typeof t.event === "string" ? t.event : t.event.name);
  }
  return { id: opts.id, events, crons, handler, retries: opts.retries ?? 3, concurrency: concurrencyOf(opts.id, opts.concurrency), batch: batchOf(opts.id, opts.batchEvents) };
}

/** Inngest's `batchEvents` (maxSize, timeout such as "1s"); a `key` or `if` is not run in process. */
function batchOf(id: string, spec: { maxSize: number; timeout: string; key?: string; if?: string } | undefined): Registered["batch"] {
  if (!spec) return null;
  const m = /^(\d+)(ms|s|m)$/.exec(spec.timeout);
  if (!m || spec.key !== undefined || spec.if !== undefined || spec.maxSize < 1) {
    throw new Error(`cannot run ${id} in process: batchEvents ${JSON.stringify(spec)} is not supported`);
  }
  return { maxSize: spec.maxSize, timeoutMs: Number(m[1]) * (m[2] === "ms" ? 1 : m[2] === "s" ? 1000 : 60_000) };
}

type ConcurrencyOption = { limit: number; key?: string; scope?: "fn" | "env" | "account" };

/** Inngest's `concurrency`: a number, one option or a list. Keys are expressions over the event; we read dotted paths. */
function concurrencyOf(id: string, spec: number | ConcurrencyOption | ConcurrencyOption[] | undefined): Registered["concurrency"] {
  if (spec === undefined) return [];
  const list = typeof spec === "number" ? [{ limit: spec }] : Array.isArray(spec) ? spec : [spec];
  return list
    .filter((c) => c.limit > 0) // 0 means "no limit" for Inngest
    .map((c) => {
      if (c.key !== undefined && !/^event(\.[A-Za-z_$][\w$]*)+$/.test(c.key)) {
        throw new Error(`cannot run ${id} in process: concurrency key ${c.key} is not a dotted event path`);
      }
      return { limit: c.limit, key: c.key };
    });
}

/** The slots a run takes: one per concurrency option, named by the key's value for this event. */
function slotKeys(job: Job): string[] {
  return job.fn.concurrency.map((c, n) => {
    if (!c.key) return `${job.fn.id}#${n}`;
    let value: unknown = { event: job.events[0] };
    for (const part of c.key.split(".")) value = value == null ? undefined : (value as Record<string, unknown>)[part];
    return `${job.fn.id}#${n}=${JSON.stringify(value ?? null)}`;
  });
}

import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Delivery } from "../outbox";
import { newSimulatorState, type SimCall, type SimulatorState } from "../simulator-carrier";

const ARCHIVE = "calls.jsonl";
const SNAPSHOT = "active.json";
/** Finished calls older than this are not loaded again (getCall forgets them, as the in-memory simulator does). */
const MEMORY_MS = 24 * 3600_000;

/**
 * The carrier service's own storage, in two files under its state directory:
 * - `calls.jsonl`: every finished call (its record published, everything pushed), appended once;
 * - `active.json`: the calls still in progress and the whole outbox, rewritten (write + rename) at each flush.
 * A flush runs every `flushMs` and whenever a create asks for one ({@link DurableState.commit}), so a call is on disk
 * before its createCall is answered: a carrier that accepted a call never forgets it, even if the service is killed.
 */
export class DurableState {
  private readonly archived = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private waiters: (() => void)[] = [];
  private flushing = false;
  private soon: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly dir: string,
    private readonly state: SimulatorState,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the state directory into a fresh SimulatorState (empty when there is none). */
  static load(dir: string, now = Date.now()): { state: SimulatorState; archived: string[] } {
    const state = newSimulatorState();
    const archived: string[] = [];
    mkdirSync(dir, { recursive: true });
    const archiveFile = path.join(dir, ARCHIVE);
    if (existsSync(archiveFile)) {
      for (const line of readFileSync(archiveFile, "utf8").split("\n")) {
        if (!line.trim()) continue;
        try {
          const call = JSON.parse(line) as SimCall;
          if (call.endAt < now - MEMORY_MS) continue;
          put(state, call);
          archived.push(call.plan.carrierCallId);
        } catch {
          // a torn last line after a crash: that call is in active.json too
        }
      }
    }
    const snapshotFile = path.join(dir, SNAPSHOT);
    if (existsSync(snapshotFile)) {
      const snap = JSON.parse(readFileSync(snapshotFile, "utf8")) as { calls: SimCall[]; outbox: Delivery[] };
      for (const call of snap.calls) put(state, call);
      state.outbox = snap.outbox.map((d) => ({ ...d, inFlight: false }));
    }
    return { state, archived };
  }

  static wipe(dir: string) {
    rmSync(dir, { recursive: true, force: true });
  }

  markArchived(ids: readonly string[]) {
    for (const id of ids) this.archived.add(id);
  }

  start(flushMs = 250) {
    this.timer = setInterval(() => void this.flush(), flushMs);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flushNow();
  }

  /** Resolves once everything changed so far is on disk (the next flush). */
  commit(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      // Group commit: creates arriving within a few ms share one write.
      this.soon ??= setTimeout(() => {
        this.soon = null;
        void this.flush();
      }, 15);
    });
  }

  private async flush() {
    if (this.flushing) return;
    this.flushing = true;
    const waiters = this.waiters;
    this.waiters = [];
    try {
      this.flushNow();
    } finally {
      this.flushing = false;
      for (const resolve of waiters) resolve();
    }
  }

  /** Appends newly finished calls to the archive, then rewrites the snapshot of the rest. */
  flushNow() {
    const now = this.now();
    const pending = new Set(this.state.outbox.map((d) => d.carrierCallId));
    const active: SimCall[] = [];
    const finished: string[] = [];
    for (const [id, call] of this.state.calls) {
      if (this.archived.has(id)) continue;
      const done = !pending.has(id) && call.known.some((k) => k.wire.event_type === "call_record") && call.known.every((k) => k.availableAt <= now);
      if (done) {
        finished.push(JSON.stringify(call));
        this.archived.add(id);
      } else active.push(call);
    }
    mkdirSync(this.dir, { recursive: true });
    if (finished.length > 0) appendFileSync(path.join(this.dir, ARCHIVE), finished.join("\n") + "\n");
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    writeFileSync(tmp, JSON.stringify({ calls: active, outbox: this.state.outbox }));
    renameSync(tmp, path.join(this.dir, SNAPSHOT));
  }
}

function put(state: SimulatorState, call: SimCall) {
  state.calls.set(call.plan.carrierCallId, call);
  state.byClientRef.set(call.plan.clientRef, call.plan.carrierCallId);
}

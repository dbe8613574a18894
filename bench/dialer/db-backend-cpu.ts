import { readdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** utime + stime of one process so far, ms (/proc/<pid>/stat fields 14 and 15), or null when it is gone. */
export function processCpuMs(pid: number | "self"): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * CPU of the PostgreSQL backends serving one database: every process whose title reads `postgres: [<cluster>: ]<user> <database> …`
 * (one backend per connection), sampled every `everyMs` so that a backend whose connection closes between two samples
 * loses at most that interval. A backend already there at `start()` counts from its CPU then; one that appears later
 * counts from 0 (a forked backend starts at 0, its connection setup is part of the work). The cluster's shared
 * background processes (WAL writer, checkpointer, autovacuum) serve every database and are not counted.
 */
export class DbBackendCpu {
  private readonly base = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly database: string, private readonly everyMs = 250) {}

  private backends(): number[] {
    const out: number[] = [];
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const title = readFileSync(`/proc/${name}/cmdline`, "utf8").replace(/\0/g, " ");
        // "postgres: [cluster: ]<user> <database> <client> <state>"
        if (/^postgres: (?:\S+: )?\S+ (\S+) /.exec(title)?.[1] === this.database) out.push(Number(name));
      } catch {}
    }
    return out;
  }

  private sample() {
    for (const pid of this.backends()) {
      const ms = processCpuMs(pid);
      if (ms !== null) this.last.set(pid, ms);
    }
  }

  start() {
    for (const pid of this.backends()) {
      const ms = processCpuMs(pid);
      if (ms !== null) this.base.set(pid, ms);
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
  }

  /** CPU ms used by the database's backends since start(), and how many backends were seen. */
  stop(): { cpuMs: number; backends: number } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    let cpuMs = 0;
    for (const [pid, ms] of this.last) cpuMs += ms - (this.base.get(pid) ?? 0);
    return { cpuMs: Math.round(cpuMs), backends: this.last.size };
  }
}

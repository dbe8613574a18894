/**
 * What every bench shares for its report: the machine's load while it ran (load averages, and how busy the CPUs were
 * from /proc/stat — the machine is shared, so figures must say what else was running) and one JSON file per run under
 * bench/results/, so runs can be compared.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function cpuTimes(): { busy: number; total: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const n = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    const total = n.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export interface MachineLoad {
  cpus: number;
  memGb: number;
  loadAvgStart: number[];
  loadAvgEnd: number[];
  /** Share of all CPU time that was busy (any process) between start() and end(), in %. */
  cpuBusyPct: number | null;
}

/** Starts measuring the machine's load; call the returned function at the end of the measured part. */
export function machineLoad(): () => MachineLoad {
  const start = cpuTimes();
  const loadAvgStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  return () => {
    const end = cpuTimes();
    const cpuBusyPct = start && end && end.total > start.total ? Math.round(((end.busy - start.busy) / (end.total - start.total)) * 1000) / 10 : null;
    return {
      cpus: os.cpus().length,
      memGb: Math.round(os.totalmem() / 1024 ** 3),
      loadAvgStart,
      loadAvgEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
      cpuBusyPct,
    };
  };
}

export const describeLoad = (l: MachineLoad) =>
  `machine: ${l.cpus} CPUs, ${l.memGb} GB; load average ${l.loadAvgStart.join(" / ")} at start, ${l.loadAvgEnd.join(" / ")} at end; CPUs busy ${l.cpuBusyPct ?? "?"} % during the run (all processes)`;

/** Writes bench/results/<bench>-<timestamp>.json and returns its path. */
export function writeResult(bench: string, data: unknown): string {
  const dir = path.join(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${bench}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify({ bench, at: new Date().toISOString(), ...(data as object) }, null, 2)}\n`);
  return file;
}

/** Timing helpers for the bench: run a case N times after a warm-up and report p50 / p95 in milliseconds. */
export interface CaseResult {
  name: string;
  p50: number;
  p95: number;
  runs: number;
  note?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function timeCase(name: string, fn: () => Promise<unknown>, opts: { runs?: number; warmup?: number; note?: (last: unknown) => string } = {}): Promise<CaseResult> {
  const runs = opts.runs ?? 30;
  let last: unknown;
  for (let i = 0; i < (opts.warmup ?? 3); i++) last = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), runs, note: opts.note?.(last) };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function table(rows: CaseResult[]): string {
  const lines = ["| case | p50 (ms) | p95 (ms) | runs | note |", "|---|---:|---:|---:|---|"];
  for (const r of rows) lines.push(`| ${r.name} | ${r.p50} | ${r.p95} | ${r.runs} | ${r.note ?? ""} |`);
  return lines.join("\n");
}

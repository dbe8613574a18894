import { zonedParts } from "@/server/domain/time/local-day";

/**
 * Minimal 5-field cron (minute hour day-of-month month day-of-week) as Inngest reads it, with an optional
 * "TZ=Asia/Shanghai " prefix (UTC otherwise): `*`, numbers, ranges `a-b`, lists `a,b`, steps `*\/n` and `a-b/n`.
 */
export interface CronSchedule {
  timeZone: string;
  fields: [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  /** Day-of-month and day-of-week restricted at once: either may match (classic cron). */
  dayOr: boolean;
}

const RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

export function parseCron(expression: string): CronSchedule {
  let expr = expression.trim();
  let timeZone = "UTC";
  const tz = /^(?:CRON_)?TZ=(\S+)\s+/.exec(expr);
  if (tz) {
    timeZone = tz[1]!;
    expr = expr.slice(tz[0].length);
  }
  const parts = expr.split(/\s+/);
  if (parts.length !== 5) throw new Error(`unsupported cron expression: ${expression}`);
  const fields = parts.map((p, i) => parseField(p, RANGES[i]!, expression)) as CronSchedule["fields"];
  if (fields[4].has(7)) fields[4].add(0);
  return { timeZone, fields, dayOr: parts[2] !== "*" && parts[4] !== "*" };
}

function parseField(field: string, [min, max]: [number, number], expression: string): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const m = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`unsupported cron expression: ${expression}`);
    const [lo, hi] = m[1] === "*" ? [min, max] : m[1]!.includes("-") ? m[1]!.split("-").map(Number) : [Number(m[1]), m[2] ? max : Number(m[1])];
    const step = m[2] ? Number(m[2]) : 1;
    if (lo! < min || hi! > max || lo! > hi! || step < 1) throw new Error(`unsupported cron expression: ${expression}`);
    for (let v = lo!; v <= hi!; v += step) out.add(v);
  }
  return out;
}

export function cronMatches(schedule: CronSchedule, at: Date): boolean {
  const p = zonedParts(at, schedule.timeZone);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  const [minute, hour, dom, month, dow] = schedule.fields;
  if (!minute.has(p.minute) || !hour.has(p.hour) || !month.has(p.month)) return false;
  return schedule.dayOr ? dom.has(p.day) || dow.has(weekday) : dom.has(p.day) && dow.has(weekday);
}

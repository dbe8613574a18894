/** Date-time display in a given IANA zone (the clinic's), independent of the browser's and the server's zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, precision: "minute" | "second") {
  const key = `${timeZone}|${precision}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      ...(precision === "second" ? { second: "2-digit" } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatInZone(value: Date | string | null | undefined, timeZone: string, precision: "minute" | "second" = "second"): string {
  if (!value) return "—";
  const parts = formatter(timeZone, precision).formatToParts(new Date(value));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const date = `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
  return precision === "second" ? `${date}:${get("second")}` : date;
}

/** 通话时长: "1分05秒" / "45秒" (zh) — kept numeric so both locales read it. */
export function formatDuration(seconds: number, unit: { min: string; sec: string }): string {
  if (seconds < 60) return `${seconds}${unit.sec}`;
  return `${Math.floor(seconds / 60)}${unit.min}${String(seconds % 60).padStart(2, "0")}${unit.sec}`;
}

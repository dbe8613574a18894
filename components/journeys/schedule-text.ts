import type { JourneySchedule } from "@/server/domain/journey/journey-schedule";

type T = (key: string, values?: Record<string, string>) => string;

/** 每天 10:00 / 2026-12-01 10:00 执行一次, in the viewer's language. */
export function scheduleText(t: T, schedule: JourneySchedule | null | undefined): string {
  if (!schedule) return t("scheduleNone");
  return schedule.kind === "daily" ? t("scheduleDaily", { time: schedule.time }) : t("scheduleOnce", { at: schedule.at.replace("T", " ") });
}

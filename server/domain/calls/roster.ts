import { safeFileNamePart } from "../files/file-name";
import { zonedParts } from "../time/local-day";

/** 执行状态 of a patient in a script's 客户名单, from its call task. */
/** A roster row's status, in the order lists and progress show them. */
export const ROSTER_STATUSES = ["waiting", "redialWaiting", "calling", "answered", "notConnected", "intercepted", "cancelled", "failed"] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

export function rosterStatus(task: {
  status: "pending" | "dialing" | "inCall" | "ended" | "intercepted" | "cancelled" | "failed";
  attempt: number;
  lastOutcome: string | null;
}): RosterStatus {
  switch (task.status) {
    case "pending":
      return task.attempt > 0 ? "redialWaiting" : "waiting";
    case "dialing":
    case "inCall":
      return "calling";
    case "ended":
      return task.lastOutcome === "answered" ? "answered" : "notConnected";
    default:
      return task.status;
  }
}

/** Only a task that did not (or will not) go through has a 失败原因 (or, when intercepted, the rule). */
export const ROSTER_STATUSES_WITH_REASON: readonly RosterStatus[] = ["intercepted", "cancelled", "failed"];

const pad = (n: number) => String(n).padStart(2, "0");

/** Seed §7: 「{话术名称}客户名单{YYYY_MM_DD_HH_mm}.xlsx」, e.g. 活动通知客户名单2022_03_12_12_12.xlsx. */
export function rosterExportFileName(scriptName: string, now: Date, timeZone: string): string {
  const p = zonedParts(now, timeZone);
  return `${safeFileNamePart(scriptName)}客户名单${p.year}_${pad(p.month)}_${pad(p.day)}_${pad(p.hour)}_${pad(p.minute)}.xlsx`;
}

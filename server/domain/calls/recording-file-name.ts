import { safeFileNamePart } from "../files/file-name";
import { zonedParts } from "../time/local-day";

const pad = (n: number) => String(n).padStart(2, "0");

/** Seed §8: 「客户姓名 YYYY-MM-DD HH_mm_ss外呼录音.mp3」, the time being the call's start in the clinic's time zone. */
export function recordingFileName(patientName: string, startedAt: Date, timeZone: string, side?: "patient" | "agent", ext = "mp3"): string {
  const p = zonedParts(startedAt, timeZone);
  const stamp = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}_${pad(p.minute)}_${pad(p.second)}`;
  // One participant's track (no whole-call recording): the side is in the name, so it is never taken for the call.
  const suffix = side === "patient" ? "（患者侧）" : side === "agent" ? "（AI或人工侧）" : "";
  return `${safeFileNamePart(patientName) || "客户"} ${stamp}外呼录音${suffix}.${ext}`;
}

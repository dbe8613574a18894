import type { AttemptCompleted, CarrierOutcome, CarrierRejected } from "@/server/ports/carrier";
import { dispositionOf, vendorErrorRow } from "@/server/domain/vendor/vendor-errors";

/**
 * Tencent Cloud CCC → our vocabulary. Pure tables, so every mapping is unit-tested (ccc-mapping.test.ts).
 * Source: the EndStatus / EndStatusString enumeration documented on TelCdrInfo (CCC API 2020-02-10, the same list as
 * "Status Code Explanation for Call", tencentcloud.com/document/product/1229/71847) and the common API error codes.
 */

/** Outbound end statuses. Inbound-only ones (100, 102–107) and VoIP ones (501–503) fall to "failed". */
export const END_STATUS_OUTCOMES: Readonly<Record<number, { name: string; outcome: CarrierOutcome }>> = {
  1: { name: "ok", outcome: "answered" },
  108: { name: "restrictedCallee", outcome: "carrierBlocked" }, // 全局外呼风险号码拦截（系统侧）
  109: { name: "tooManyRequest", outcome: "carrierBlocked" }, // 外呼频控拦截（系统侧）
  110: { name: "restrictedArea", outcome: "carrierBlocked" }, // 外呼地域拦截
  111: { name: "restrictedTime", outcome: "carrierBlocked" }, // 外呼时段拦截
  202: { name: "notAnswer", outcome: "noAnswer" },
  203: { name: "userReject", outcome: "rejected" },
  204: { name: "powerOff", outcome: "poweredOff" },
  205: { name: "numberNotExist", outcome: "emptyNumber" },
  206: { name: "busy", outcome: "busy" },
  207: { name: "outOfCredit", outcome: "inArrears" }, // 被叫欠费
  208: { name: "operatorError", outcome: "networkBusy" }, // 运营商线路异常
  209: { name: "callerCancel", outcome: "cancelled" },
  // 被叫不在服务区: out of coverage, i.e. 无法接通 — not 停机, which would stop redials and the SMS for a working phone.
  210: { name: "notInService", outcome: "unreachable" },
  211: { name: "clientError", outcome: "failed" },
  212: { name: "carrierBlocked", outcome: "carrierBlocked" },
  213: { name: "callReminder", outcome: "unreachable" }, // 提示来电提醒: the network took the call for an unreachable phone
  215: { name: "numberInvalid", outcome: "emptyNumber" },
  216: { name: "callRestricted", outcome: "failed" }, // 提示呼叫受限: cause unknown to us, so a redial is allowed
  217: { name: "calleeRestricted", outcome: "carrierBlocked" }, // 被叫黑名单受限
  218: { name: "areaRestricted", outcome: "carrierBlocked" },
  219: { name: "promptCallForwarding", outcome: "unreachable" },
  220: { name: "callerCancelWhileRing", outcome: "cancelled" },
  221: { name: "callerCancelWithoutRing", outcome: "failed" }, // 未振铃被叫号码异常
  222: { name: "voiceMailReached", outcome: "voiceAssistant" }, // 语音信箱: the patient was not reached
};

export function outcomeOfEndStatus(endStatus: number | undefined): { outcome: CarrierOutcome; rawCode: string } {
  const known = endStatus === undefined ? undefined : END_STATUS_OUTCOMES[endStatus];
  const rawCode = endStatus === undefined ? "unknown" : `${endStatus}${known ? `:${known.name}` : ""}`;
  return { outcome: known?.outcome ?? "failed", rawCode };
}

export function hangupByOf(side: string | undefined): AttemptCompleted["hangupBy"] {
  if (side === "user") return "callee";
  if (side === "seat") return "bot"; // the AI agent sits in the seat of a CreateAICall session
  return "system";
}

/**
 * CreateAICall's error code → the port's coarse reason, from the documented table (server/domain/vendor/vendor-errors.ts,
 * which the dialer reads for the disposition). null = the vendor may have accepted the call (InternalError …).
 */
export function rejectionOfError(code: string | undefined): CarrierRejected["reason"] | null {
  if (!code) return null;
  const row = vendorErrorRow("ccc", code);
  if (!row) return dispositionOf("ccc", code, 0) === "outcomeUnknown" ? null : "unavailable";
  switch (row.disposition) {
    case "outcomeUnknown":
      return null;
    case "slowDown":
      return "rateLimited";
    case "badNumber":
      return "invalidNumber";
    case "accountHold":
      return /Package|Balance|Arrears/i.test(code) ? "insufficientBalance" : "unavailable";
    default:
      return "unavailable";
  }
}

/**
 * CCC numbers are 0086-prefixed: a mobile as 0086 + 11 digits (Callee 示例值 008613012345678), a landline with its
 * trunk 0 kept (Callers 示例值 008601012341234) — https://cloud.tencent.com/document/api/679/115681. Pushes may carry
 * either form.
 */
export const toCccNumber = (n: string) => (/^1\d{10}$/.test(n) || /^0[1-9]\d{8,10}$/.test(n) ? `0086${n}` : n);
export const fromCccNumber = (n: string | undefined) => (n ?? "").replace(/^(\+86|0086|86)(?=1\d{10}$)/, "").replace(/^0086(?=0[1-9]\d{8,10}$)/, "");

const RECORDING_KEPT_MS = 90 * 24 * 3600_000; // 录音默认免费存储时长为3个月

/**
 * When a recording link stops working: a COS-signed URL says so (`q-sign-time=<start>;<end>`, or `Expires=`);
 * an unsigned one lives as long as CCC keeps the recording (3 months from the record's time).
 */
export function recordingExpiresAt(url: string, recordedAtSec: number | undefined, nowMs: number): string {
  try {
    const q = new URL(url).searchParams;
    const signTime = q.get("q-sign-time")?.split(";")[1];
    const end = Number(signTime ?? q.get("Expires") ?? q.get("expires") ?? NaN);
    if (Number.isFinite(end) && end > 0) return new Date(end * 1000).toISOString();
  } catch {
    // not a URL we can read: fall through
  }
  const base = recordedAtSec ? recordedAtSec * 1000 : nowMs;
  return new Date(base + RECORDING_KEPT_MS).toISOString();
}

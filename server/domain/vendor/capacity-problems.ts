/**
 * What the vendor accounts can do now, as their own description actions report it (Tencent CCC DescribeCCCBuyInfoList
 * and DescribeNumbers, Tencent SMS SmsPackagesStatistics), and the problems a clinic chain must fix before calling:
 * no number approved for outbound, a configured caller that is not usable, a package that ran out or expires soon,
 * too little SMS balance. Pure: the adapters fetch, the service and `npm run vendor:check` show.
 */
export interface CallingAccount {
  /** DescribeNumbers: State 1 正常, 2 欠费停用, 4 管理员停用, 5 违规停用; CostType 1 自携号码. */
  numbers: { number: string; state: number; ownNumber: boolean; outboundSkillGroups: number }[];
  /** The numbers we are configured to call from (TENCENT_CCC_CALLERS, bare form). */
  callers: string[];
  /** DescribeCCCBuyInfoList PackageBuyList: Type 0 外呼套餐包 | 1 400呼入套餐包; unix seconds. */
  packages: { id: string; type: number; capacity: number; remaining: number; endsAt: number }[];
  /** Seats bought and still valid (StaffBuyNum). */
  seats: number;
}

export interface SmsAccount {
  /** SmsPackagesStatistics: PackageAmount, CurrentUsage, PackageExpiredTime (unix seconds). */
  packages: { id: string; amount: number; used: number; expiresAt: number }[];
}

export type CapacityProblem =
  | { code: "noOutboundNumber" }
  | { code: "noOwnNumber" }
  | { code: "callerUnusable"; number: string; state: number | null }
  | { code: "noSeats" }
  | { code: "callPackageMissing" }
  | { code: "callPackageExpired"; endedDaysAgo: number }
  | { code: "callPackageExpiresSoon"; days: number }
  | { code: "callPackageLow"; remaining: number }
  | { code: "smsPackageMissing" }
  | { code: "smsBalanceLow"; balance: number }
  | { code: "smsPackageExpiresSoon"; days: number };

/** Expiring within this many days is a problem worth showing now. */
export const EXPIRY_WARN_DAYS = 7;
/** Fewer SMS left than this is shown (a busy day of hang-up SMS for a chain). */
export const SMS_BALANCE_WARN = 500;
/** An outbound package below this share of its size is shown. */
const CALL_PACKAGE_LOW_SHARE = 0.1;

const daysUntil = (endSec: number, nowMs: number) => Math.ceil((endSec * 1000 - nowMs) / 86_400_000);
const bare = (n: string) => n.replace(/^(\+86|0086)/, "");

export function callingProblems(a: CallingAccount, now: Date): CapacityProblem[] {
  const nowMs = now.getTime();
  const out: CapacityProblem[] = [];
  const usable = a.numbers.filter((n) => n.state === 1);
  if (usable.length === 0) out.push({ code: "noOutboundNumber" });
  else if (!usable.some((n) => n.ownNumber)) out.push({ code: "noOwnNumber" });
  for (const caller of a.callers) {
    const found = a.numbers.find((n) => bare(n.number) === bare(caller));
    if (!found || found.state !== 1) out.push({ code: "callerUnusable", number: caller, state: found?.state ?? null });
  }
  if (a.seats <= 0) out.push({ code: "noSeats" });
  const outbound = a.packages.filter((p) => p.type === 0);
  const live = outbound.filter((p) => p.endsAt * 1000 > nowMs);
  if (outbound.length === 0) out.push({ code: "callPackageMissing" });
  else if (live.length === 0) out.push({ code: "callPackageExpired", endedDaysAgo: -daysUntil(Math.max(...outbound.map((p) => p.endsAt)), nowMs) });
  else {
    const last = Math.max(...live.map((p) => p.endsAt));
    const days = daysUntil(last, nowMs);
    if (days <= EXPIRY_WARN_DAYS) out.push({ code: "callPackageExpiresSoon", days });
    const remaining = live.reduce((s, p) => s + p.remaining, 0);
    const capacity = live.reduce((s, p) => s + p.capacity, 0);
    if (capacity > 0 && remaining < capacity * CALL_PACKAGE_LOW_SHARE) out.push({ code: "callPackageLow", remaining });
  }
  return out;
}

export function smsProblems(a: SmsAccount, now: Date): CapacityProblem[] {
  const nowMs = now.getTime();
  const live = a.packages.filter((p) => p.expiresAt * 1000 > nowMs);
  if (live.length === 0) return [{ code: "smsPackageMissing" }];
  const out: CapacityProblem[] = [];
  const balance = smsBalance(a, now);
  if (balance < SMS_BALANCE_WARN) out.push({ code: "smsBalanceLow", balance });
  const days = daysUntil(Math.max(...live.map((p) => p.expiresAt)), nowMs);
  if (days <= EXPIRY_WARN_DAYS) out.push({ code: "smsPackageExpiresSoon", days });
  return out;
}

export function smsBalance(a: SmsAccount, now: Date): number {
  return a.packages.filter((p) => p.expiresAt * 1000 > now.getTime()).reduce((s, p) => s + Math.max(0, p.amount - p.used), 0);
}

/** One line per problem, zh-CN (the command line and logs; the UI has its own messages). */
export function problemText(p: CapacityProblem): string {
  switch (p.code) {
    case "noOutboundNumber":
      return "没有可外呼的号码（DescribeNumbers 中没有状态正常的号码）";
    case "noOwnNumber":
      return "没有状态正常的自携号码：CreateAICall 只能用自有号码外呼";
    case "callerUnusable":
      return `外显号码 ${p.number} ${p.state === null ? "不在本应用的号码中" : `状态异常（State ${p.state}：${NUMBER_STATE[p.state] ?? "未知"}）`}`;
    case "noSeats":
      return "没有有效的座席（高级版座席）";
    case "callPackageMissing":
      return "没有外呼套餐包";
    case "callPackageExpired":
      return `外呼套餐包已过期（${p.endedDaysAgo} 天前）`;
    case "callPackageExpiresSoon":
      return `外呼套餐包 ${p.days} 天后到期`;
    case "callPackageLow":
      return `外呼套餐包余量不足（剩余 ${p.remaining}）`;
    case "smsPackageMissing":
      return "没有有效的短信套餐包";
    case "smsBalanceLow":
      return `短信余量 ${p.balance} 条`;
    case "smsPackageExpiresSoon":
      return `短信套餐包 ${p.days} 天后到期`;
  }
}

/** NumberInfo.State (DescribeNumbers). */
export const NUMBER_STATE: Record<number, string> = { 1: "正常", 2: "欠费停用", 4: "管理员停用", 5: "违规停用" };

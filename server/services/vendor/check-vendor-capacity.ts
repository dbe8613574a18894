import { callingProblems, problemText, smsBalance, smsProblems, type CallingAccount, type CapacityProblem, type SmsAccount } from "@/server/domain/vendor/capacity-problems";
import type { CarrierPort } from "@/server/ports/carrier";
import type { SmsPort } from "@/server/ports/sms";

export interface VendorCapacity {
  /** null: the carrier cannot describe its account (the simulator). */
  calling: { account: CallingAccount; problems: CapacityProblem[] } | { error: string } | null;
  sms: { balance: number; account: SmsAccount; problems: CapacityProblem[] } | { error: string } | null;
  checkedAt: Date;
}

const message = (e: unknown) => {
  const code = (e as { code?: unknown }).code;
  return `${typeof code === "string" ? `${code}: ` : ""}${(e as Error).message ?? String(e)}`.slice(0, 300);
};

/**
 * 容量与配置检查: asks the vendors what the account can do now (the carrier's and the SMS provider's own description
 * actions) and lists the problems. A vendor that cannot be asked (wrong keys, no permission) is reported as such —
 * that is a problem too. Shown to company admins in 外呼管理, to platform admins, and by `npm run vendor:check`.
 */
export async function checkVendorCapacity(ports: { carrier: CarrierPort; sms: SmsPort }, now: Date): Promise<VendorCapacity> {
  const [calling, sms] = await Promise.all([
    ports.carrier.describeAccount
      ? ports.carrier.describeAccount().then(
          (account) => ({ account, problems: callingProblems(account, now) }),
          (e: unknown) => ({ error: message(e) }),
        )
      : null,
    ports.sms.describeAccount
      ? ports.sms.describeAccount().then(
          (account) => ({ account, balance: smsBalance(account, now), problems: smsProblems(account, now) }),
          (e: unknown) => ({ error: message(e) }),
        )
      : null,
  ]);
  return { calling, sms, checkedAt: now };
}

/** The check as text (the command line): one block per vendor, one line per problem. */
export function formatVendorCapacity(c: VendorCapacity): { text: string; problems: number } {
  const lines: string[] = [`供应商容量与配置检查 ${c.checkedAt.toISOString()}`];
  let problems = 0;
  const block = (title: string, part: VendorCapacity["calling"] | VendorCapacity["sms"], summary: (p: never) => string[], items: (p: never) => CapacityProblem[]) => {
    lines.push("", title);
    if (part === null) return void lines.push("  （未启用：模拟器）");
    if ("error" in part) {
      problems++;
      return void lines.push(`  ✗ 无法查询：${part.error}`);
    }
    for (const s of summary(part as never)) lines.push(`  ${s}`);
    const found = items(part as never);
    problems += found.length;
    for (const p of found) lines.push(`  ✗ ${problemText(p)}`);
    if (!found.length) lines.push("  ✓ 没有发现问题");
  };
  block(
    "云联络中心 (CCC)",
    c.calling,
    (p: { account: CallingAccount }) => [
      `号码 ${p.account.numbers.length} 个（正常 ${p.account.numbers.filter((n) => n.state === 1).length}）；外显号码 ${p.account.callers.join(", ") || "—"}；座席 ${p.account.seats}`,
      ...p.account.packages.map((k) => `套餐包 ${k.id}（${k.type === 0 ? "外呼" : "呼入"}）剩余 ${k.remaining}/${k.capacity}，到期 ${new Date(k.endsAt * 1000).toISOString().slice(0, 10)}`),
    ],
    (p: { problems: CapacityProblem[] }) => p.problems,
  );
  block("短信 (SMS)", c.sms, (p: { balance: number; account: SmsAccount }) => [`短信余量 ${p.balance} 条（套餐包 ${p.account.packages.length} 个）`], (p: { problems: CapacityProblem[] }) => p.problems);
  lines.push("", problems ? `发现 ${problems} 个问题` : "一切正常");
  return { text: lines.join("\n"), problems };
}

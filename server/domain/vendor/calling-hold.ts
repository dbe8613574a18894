import { vendorErrorRow, type VendorApi } from "./vendor-errors";

/** What the held-account banner shows: the cause and what to do, in both languages. */
export interface CallingHoldView {
  code: string;
  heldAt: Date;
  probeAt: Date | null;
  reason: { "zh-CN": string; en: string };
  fix: { "zh-CN": string; en: string };
}

const CARRIER_CAUSES: Record<string, { reason: [string, string]; fix: [string, string] }> = {
  "carrier:insufficientBalance": { reason: ["外呼线路余额不足", "Carrier balance used up"], fix: ["请为外呼线路充值后点重试", "Top up the carrier account, then press retry"] },
  "carrier:unavailable": { reason: ["外呼线路连续拒绝外呼", "The carrier keeps refusing calls"], fix: ["请检查外呼线路配置后点重试", "Check the carrier configuration, then press retry"] },
};

/** A stored hold code (`vendor:<api>:<code>` or `carrier:<reason>`) in words. */
export function callingHoldView(hold: { code: string; heldAt: Date; probeAt: Date | null }): CallingHoldView {
  const m = /^vendor:(ccc|sms):(.+)$/.exec(hold.code);
  if (m) {
    const row = vendorErrorRow(m[1] as VendorApi, m[2]);
    return {
      ...hold,
      reason: { "zh-CN": `${row?.zh ?? "腾讯云连续拒绝外呼"}（${m[2]}）`, en: `${row?.en ?? "Tencent Cloud keeps refusing calls"} (${m[2]})` },
      fix: {
        "zh-CN": row?.fixZh ?? "请登录腾讯云云联络中心控制台检查账号、套餐与号码，处理后点重试",
        en: row?.fixEn ?? "Check the account, packages and numbers in the Tencent CCC console, then press retry",
      },
    };
  }
  const c = CARRIER_CAUSES[hold.code] ?? CARRIER_CAUSES["carrier:unavailable"]!;
  return { ...hold, reason: { "zh-CN": c.reason[0], en: c.reason[1] }, fix: { "zh-CN": c.fix[0], en: c.fix[1] } };
}

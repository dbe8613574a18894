import { smsTemplateParams } from "./hangup-sms";

/** What the SMS vendor says of a template id we are about to link (Tencent DescribeSmsTemplateList). */
export interface VendorTemplateView {
  approved: boolean;
  status: string;
  /** Distinct placeholders in the vendor's content ({1}, {2} …). */
  paramCount: number;
}

export type VendorTemplateProblem =
  | { kind: "notFound" }
  | { kind: "notApproved"; status: string }
  | { kind: "paramCount"; ours: number; vendor: number };

/**
 * A linked vendor template must exist, be approved (only then can it be sent) and take as many parameters as we send:
 * one per placeholder of our content, in order (smsTemplateParams).
 */
export function vendorTemplateProblem(ourContent: string, vendor: VendorTemplateView | null): VendorTemplateProblem | null {
  if (!vendor) return { kind: "notFound" };
  if (!vendor.approved) return { kind: "notApproved", status: vendor.status };
  const ours = smsTemplateParams(ourContent, {}).length;
  if (ours !== vendor.paramCount) return { kind: "paramCount", ours, vendor: vendor.paramCount };
  return null;
}

const STATUS_ZH: Record<string, string> = { reviewing: "审核中", approvedNotEffective: "审核通过待生效" };

/** The refusal a user reads (zh-CN, as AppError messages are). */
export function vendorTemplateProblemText(p: VendorTemplateProblem): string {
  switch (p.kind) {
    case "notFound":
      return "腾讯云短信控制台中没有这个模板ID，请在正文模板管理中核对";
    case "notApproved":
      return `腾讯云模板尚未审核通过（${STATUS_ZH[p.status] ?? p.status.replace(/^rejected:?\s*/, "未通过 ")}），通过后再关联`;
    case "paramCount":
      return `变量个数不一致：本模板有 ${p.ours} 个变量，腾讯云模板有 ${p.vendor} 个，请按出现顺序编号 {1}…{${p.ours}}`;
  }
}

/** The four 资质材料 a company uploads before it may use 智能外呼 (seed §2), in the order they are shown. */
export const QUALIFICATION_DOCUMENT_KINDS = ["businessLicense", "legalIdFront", "legalIdBack", "networkSecurityPledge"] as const;

export type QualificationDocumentKind = (typeof QUALIFICATION_DOCUMENT_KINDS)[number];

export const QUALIFICATION_DOCUMENT_LABELS: Record<QualificationDocumentKind, string> = {
  businessLicense: "营业执照",
  legalIdFront: "法人身份证正面",
  legalIdBack: "法人身份证反面",
  networkSecurityPledge: "入网安全承诺书",
};

export function isQualificationDocumentKind(value: string): value is QualificationDocumentKind {
  return (QUALIFICATION_DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** The product's own sample page for the documents (seed §2 「查看材料示例」); a local sample page is shipped too. */
export const QUALIFICATION_SAMPLES_URL = "https://k3465odso4.feishu.cn/wiki/U0yEwpzGfiVKhekMM6scX8donOf";

import { QUALIFICATION_DOCUMENT_KINDS, QUALIFICATION_DOCUMENT_LABELS, type QualificationDocumentKind } from "./document-kinds";

/**
 * The life of a qualification application:
 *   draft ──submit──► pending ──approve──► approved (final)
 *                        └──reject(reason)──► rejected ──submit (after corrections)──► pending
 * Only draft and rejected applications can be edited (applicant info, documents) by the company.
 */
export type QualificationStatus = "draft" | "pending" | "approved" | "rejected";
export type QualificationAction = "submit" | "approve" | "reject";

export function isEditable(status: QualificationStatus): boolean {
  return status === "draft" || status === "rejected";
}

export const NOT_EDITABLE_MESSAGES: Record<"pending" | "approved", string> = {
  pending: "资质材料正在审核中，暂不能修改",
  approved: "资质审核已通过，无需修改",
};

export type Transition = { ok: true; to: QualificationStatus } | { ok: false; message: string };

const TRANSITIONS: Record<QualificationAction, Partial<Record<QualificationStatus, QualificationStatus>>> = {
  submit: { draft: "pending", rejected: "pending" },
  approve: { pending: "approved" },
  reject: { pending: "rejected" },
};

const REFUSALS: Record<QualificationAction, Partial<Record<QualificationStatus, string>>> = {
  submit: { pending: "资质材料已提交，正在审核中，请勿重复提交", approved: "资质审核已通过，无需重复提交" },
  approve: {
    draft: "企业尚未提交资质材料，不能审核",
    approved: "该申请已审核通过，不能重复审核",
    rejected: "该申请已驳回，需等待企业重新提交后再审核",
  },
  reject: {
    draft: "企业尚未提交资质材料，不能审核",
    approved: "该申请已审核通过，不能驳回",
    rejected: "该申请已驳回，需等待企业重新提交后再审核",
  },
};

export function transition(status: QualificationStatus, action: QualificationAction): Transition {
  const to = TRANSITIONS[action][status];
  return to ? { ok: true, to } : { ok: false, message: REFUSALS[action][status] ?? "当前状态不允许此操作" };
}

/** Kinds still missing, in display order; submitting needs all four. */
export function missingDocuments(present: Iterable<QualificationDocumentKind>): QualificationDocumentKind[] {
  const have = new Set(present);
  return QUALIFICATION_DOCUMENT_KINDS.filter((k) => !have.has(k));
}

export function missingDocumentsMessage(missing: readonly QualificationDocumentKind[]): string {
  return `请先上传${missing.map((k) => `【${QUALIFICATION_DOCUMENT_LABELS[k]}】`).join("")}后再提交审核`;
}

export const REJECT_REASON_MAX = 200;

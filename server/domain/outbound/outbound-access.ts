import type { QualificationStatus } from "../qualification/application-rules";

/**
 * Nobody may use 智能外呼 (scripts, calling, outbound management, call records, the journey call node) before a
 * platform admin has approved the company's qualification; and only clinics opened by the platform admin may call.
 */
export type OutboundAccessState = "notApplied" | QualificationStatus;

export function outboundAccessState(latestApplicationStatus: QualificationStatus | null): OutboundAccessState {
  return latestApplicationStatus ?? "notApplied";
}

export function mayUseOutbound(state: OutboundAccessState): boolean {
  return state === "approved";
}

export function clinicMayCall(state: OutboundAccessState, clinic: { outboundOpenedAt: Date | null }): boolean {
  return mayUseOutbound(state) && clinic.outboundOpenedAt !== null;
}

export const OUTBOUND_LOCKED_MESSAGES: Record<Exclude<OutboundAccessState, "approved">, string> = {
  notApplied: "贵司尚未开通智能外呼，请先在【外呼管理】提交资质材料，审核通过后即可使用",
  draft: "贵司尚未提交资质材料，请在【外呼管理】完成资质材料提交，审核通过后即可使用",
  pending: "资质材料审核中（约 1-2 个工作日），审核通过后即可使用智能外呼",
  rejected: "资质审核未通过，请在【外呼管理】修改资质材料后重新提交",
};

export function clinicNotOpenedMessage(shortName: string): string {
  return `门店【${shortName}】尚未开通智能外呼，如需开通更多门店请联系客服`;
}

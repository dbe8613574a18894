import { callTaskReasonLabel } from "@/server/domain/call-tasks/reasons";

/**
 * 旅程名单: every patient who entered a node, with 下发状态. A failed dispatch stores the dial engine's creation-failure
 * code (server/domain/call-tasks/reasons.ts), worded for rosters (客户暂无手机号, 客户不是建档患者, 客户未找到预约信息 …).
 */
export type RosterStatus = "dispatching" | "dispatched" | "dispatchFailed";

export const ROSTER_STATUS_LABELS: Record<RosterStatus, string> = {
  dispatching: "下发中",
  dispatched: "下发成功",
  dispatchFailed: "下发失败",
};

export function dispatchFailLabel(reason: string | null | undefined, locale: "zh-CN" | "en" = "zh-CN"): string | null {
  return callTaskReasonLabel(reason, locale, "roster");
}

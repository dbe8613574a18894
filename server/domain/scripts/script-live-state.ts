import type { PauseReason, ScriptStatus } from "./script-status";

/**
 * What a script's 【详情】 says about its calls right now. Only an enabled script dials: a paused script's 待呼 tasks
 * wait for it to be enabled again (seed §7-3: 暂停期间 … 未呼叫的客户会在启用外呼后继续呼叫), a stopped script's are
 * cancelled — neither waits for the calling window, so neither may say 外呼进行中 or 将于 09:00 开始.
 */
export type ScriptLiveState =
  | { kind: "calling" } // enabled, inside the window, tasks waiting or calls under way
  | { kind: "waitingWindow" } // enabled, outside the window: the waiting tasks start when it opens
  | { kind: "paused"; reason: PauseReason; pending: number } // the tasks wait for the script to be enabled
  | { kind: "stopped" }
  | { kind: "idle" }; // enabled, nothing to call

export function scriptLiveState(s: {
  status: ScriptStatus;
  pauseReason: PauseReason | null;
  /** 待呼 tasks (pending or being placed). */
  pending: number;
  /** Calls under way (placed, not finished): they end normally whatever the status. */
  calling: number;
  /** Whether the calling window is open now. */
  inWindow: boolean;
}): ScriptLiveState {
  if (s.status === "stopped") return { kind: "stopped" };
  if (s.status === "paused") return { kind: "paused", reason: s.pauseReason ?? "manual", pending: s.pending };
  if (s.calling > 0 || (s.pending > 0 && s.inWindow)) return { kind: "calling" };
  if (s.pending > 0) return { kind: "waitingWindow" };
  return { kind: "idle" };
}

/** Whether the page should keep refreshing its figures: calls may change them (a paused script's calls in flight too). */
export function scriptIsLive(state: ScriptLiveState, calling: number): boolean {
  return state.kind === "calling" || state.kind === "waitingWindow" || calling > 0;
}

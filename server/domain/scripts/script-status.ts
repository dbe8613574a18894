/**
 * 话术状态 (seed §7-3): 启用 → 暂停 (手动 or 余额不足) → 启用 again, or 停用 from either; 停用 is final (the script cannot be
 * re-enabled and its uncalled patients are no longer called).
 */
export const SCRIPT_STATUSES = ["enabled", "paused", "stopped"] as const;
export type ScriptStatus = (typeof SCRIPT_STATUSES)[number];
export type PauseReason = "manual" | "insufficientBalance";
export type ScriptAction = "enable" | "pause" | "pauseForBalance" | "stop";

export interface ScriptState {
  status: ScriptStatus;
  pauseReason: PauseReason | null;
}

export type Transition = { ok: true; next: ScriptState } | { ok: false; message: string };

/** `callBalance` is the company's 余额 (call credits); enabling needs some left. */
export function transitionScript(current: ScriptState, action: ScriptAction, ctx: { callBalance: number }): Transition {
  if (current.status === "stopped") return { ok: false, message: "话术已停用，无法再次启用或修改状态" };
  switch (action) {
    case "enable":
      if (current.status === "enabled") return { ok: false, message: "话术已是启用状态" };
      if (ctx.callBalance <= 0) return { ok: false, message: "外呼余额不足，请充值后再启用" };
      return { ok: true, next: { status: "enabled", pauseReason: null } };
    case "pause":
      if (current.status !== "enabled") return { ok: false, message: "只有启用中的话术可以暂停" };
      return { ok: true, next: { status: "paused", pauseReason: "manual" } };
    case "pauseForBalance":
      if (current.status !== "enabled") return { ok: false, message: "只有启用中的话术会因余额不足暂停" };
      return { ok: true, next: { status: "paused", pauseReason: "insufficientBalance" } };
    case "stop":
      return { ok: true, next: { status: "stopped", pauseReason: null } };
  }
}

/** Only enabled scripts are offered for calling; journey-only ones only to journeys (FAQ Q5). */
export function isCallable(script: { status: ScriptStatus; journeyOnly: boolean }, forJourney: boolean): boolean {
  return script.status === "enabled" && (forJourney || !script.journeyOnly);
}

/** A stopped script is final: it can be viewed but no longer edited. */
export const isEditable = (status: ScriptStatus) => status !== "stopped";

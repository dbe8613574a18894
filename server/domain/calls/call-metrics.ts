/**
 * The seed's two metric groups (§6, §7), computed from counts the database returns.
 * 执行数据: 待通话数 (tasks not yet called: waiting, or claimed but not yet placed), 拦截通话数, 已呼通话数 (dial attempts),
 * 失败通话数 (seed: 呼叫失败的通话数 — calls whose outcome is 呼叫失败), and apart from it 下发失败数 (tasks never dialed:
 * failed at creation, e.g. 客户暂无手机号, or cancelled by 话术停用 — the journey's 下发失败 and the roster's 失败原因).
 * 通话数据: 接听客户数, 接听率 = answered calls / dialed calls, 有效对话客户数, 有效对话率 = effective calls / dialed calls,
 * 平均通话时长(秒) = mean talk time of answered calls.
 */

/**
 * 有效对话: an answered call of at least two rounds (product document: 对话达2轮以上; in Chinese usage 以上 includes the
 * number itself, 《民法典》第一千二百五十九条). A round is `countRounds` in ./transcript.ts.
 */
export const EFFECTIVE_DIALOGUE_MIN_ROUNDS = 2;

/** Whether a call counts as 有效对话 — the one test every counter (running totals, recounts, journey nodes) applies. */
export function isEffectiveDialogue(call: { answered: boolean; rounds: number }): boolean {
  return call.answered && call.rounds >= EFFECTIVE_DIALOGUE_MIN_ROUNDS;
}

export interface CallMetricCounts {
  pendingTasks: number;
  interceptedTasks: number;
  /** Tasks failed at creation or cancelled (下发失败). */
  failedTasks: number;
  dialedCalls: number;
  /** Calls with outcome 呼叫失败 (失败通话数). */
  failedCalls: number;
  answeredCalls: number;
  answeredPatients: number;
  effectiveCalls: number;
  effectivePatients: number;
  answeredSeconds: number;
}

export interface CallMetrics {
  execution: { pending: number; intercepted: number; dialed: number; failed: number; dispatchFailed: number };
  calls: {
    answeredPatients: number;
    /** 0–100 with one decimal, or null when nothing has been dialed yet. */
    answerRate: number | null;
    effectivePatients: number;
    effectiveRate: number | null;
    avgDurationSec: number | null;
  };
}

export const ZERO_COUNTS: CallMetricCounts = {
  pendingTasks: 0,
  interceptedTasks: 0,
  failedTasks: 0,
  dialedCalls: 0,
  failedCalls: 0,
  answeredCalls: 0,
  answeredPatients: 0,
  effectiveCalls: 0,
  effectivePatients: 0,
  answeredSeconds: 0,
};

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export function callMetrics(c: CallMetricCounts): CallMetrics {
  return {
    execution: { pending: c.pendingTasks, intercepted: c.interceptedTasks, dialed: c.dialedCalls, failed: c.failedCalls, dispatchFailed: c.failedTasks },
    calls: {
      answeredPatients: c.answeredPatients,
      answerRate: percent(c.answeredCalls, c.dialedCalls),
      effectivePatients: c.effectivePatients,
      effectiveRate: percent(c.effectiveCalls, c.dialedCalls),
      avgDurationSec: c.answeredCalls > 0 ? Math.round(c.answeredSeconds / c.answeredCalls) : null,
    },
  };
}

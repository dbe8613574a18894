/**
 * Pure planning of realistic call history for a script: one call task per patient, its dial attempts (a redial 30 min
 * after a retryable outcome), outcomes, conversations, intents and the consultant snapshots. Deterministic per key.
 */
import { countRounds } from "../../server/domain/calls/transcript";
import { chance, pick, randInt, rngFor, weighted, type Rng } from "./random";
import { MINUTE_MS, atShanghai } from "./time";

export interface CallFixturePatient {
  id: string;
  clinicId: string;
  name: string;
  mobile: string | null;
  /** false: the number is marked 非本人 (a relative's) and is never dialed. */
  hasOwnMobile?: boolean;
  consultantId: string | null;
  onlineConsultantId: string | null;
}

export type FixtureOutcome = "answered" | "noAnswer" | "busy" | "rejected" | "poweredOff" | "emptyNumber" | "suspended" | "failed";
export type FixtureTaskStatus = "pending" | "ended" | "intercepted" | "failed";

export interface PlannedCall {
  attempt: number;
  outcome: FixtureOutcome;
  dialedAt: Date;
  answeredAt: Date | null;
  endedAt: Date;
  durationSec: number;
  rounds: number;
  intent: string;
  turns: { speaker: "ai" | "patient"; text: string; at: number }[];
}

export interface PlannedTask {
  patient: CallFixturePatient;
  status: FixtureTaskStatus;
  reason: string | null;
  createdAt: Date;
  calls: PlannedCall[];
}

const RETRYABLE: readonly FixtureOutcome[] = ["noAnswer", "busy", "rejected", "poweredOff", "failed"];

const OUTCOME_WEIGHTS: readonly (readonly [FixtureOutcome, number])[] = [
  ["answered", 55],
  ["noAnswer", 16],
  ["busy", 7],
  ["rejected", 6],
  ["poweredOff", 6],
  ["emptyNumber", 3],
  ["suspended", 3],
  ["failed", 4],
];

/** Conversations of a 种植/正畸 invitation (营销类), each ending in one intent; `{name}` and `{clinic}` are filled in. */
const CONVERSATIONS: readonly { intent: string; lines: readonly (readonly ["ai" | "patient", string])[] }[] = [
  {
    intent: "interested",
    lines: [
      ["ai", "您好，请问是{name}吗？我是{clinic}的口腔顾问。"],
      ["patient", "是我，什么事？"],
      ["ai", "本月我们有种植牙专家面诊活动，可以免费拍片检查，您有兴趣了解一下吗？"],
      ["patient", "可以啊，我正好想看看。"],
      ["ai", "好的，稍后会有顾问联系您预约时间，祝您生活愉快，再见。"],
      ["patient", "好的，再见。"],
    ],
  },
  {
    intent: "somewhatInterested",
    lines: [
      ["ai", "您好，请问是{name}吗？我是{clinic}的口腔顾问。"],
      ["patient", "嗯，你说。"],
      ["ai", "本月我们有种植牙专家面诊活动，可以免费拍片检查，您有兴趣了解一下吗？"],
      ["patient", "多少钱啊？我再考虑考虑。"],
      ["ai", "具体费用需要医生面诊后评估，我先把活动信息发短信给您，您方便时看一下。"],
      ["patient", "行。"],
    ],
  },
  {
    intent: "notInterested",
    lines: [
      ["ai", "您好，请问是{name}吗？我是{clinic}的口腔顾问。"],
      ["patient", "是的。"],
      ["ai", "本月我们有种植牙专家面诊活动，可以免费拍片检查，您有兴趣了解一下吗？"],
      ["patient", "暂时不需要，谢谢。"],
    ],
  },
  {
    intent: "notLocal",
    lines: [
      ["ai", "您好，请问是{name}吗？我是{clinic}的口腔顾问。"],
      ["patient", "我现在不在本地，在外地出差。"],
      ["ai", "好的，那等您回来再联系您，打扰了。"],
    ],
  },
  {
    intent: "refused",
    lines: [
      ["ai", "您好，请问是{name}吗？我是{clinic}的口腔顾问。"],
      ["patient", "不需要，以后别打了。"],
    ],
  },
];

export interface PlanCallRecordsOptions {
  key: string;
  patients: readonly CallFixturePatient[];
  clinicShortName: (clinicId: string) => string;
  now: Date;
  /** Calls are spread over this many days before `now` (default 14). */
  days?: number;
  /** Share of tasks left 待呼 / 拦截 / failed (default 0.05 each); the rest are called. */
  pendingRate?: number;
  interceptedRate?: number;
  failedRate?: number;
}

export function planCallRecords(opts: PlanCallRecordsOptions): PlannedTask[] {
  const rng = rngFor(`calls:${opts.key}`);
  const days = opts.days ?? 14;
  return opts.patients.map((patient) => {
    const createdAt = atShanghai(opts.now, -randInt(rng, 0, days), randInt(rng, 9, 18), randInt(rng, 0, 59));
    if (!patient.mobile) return { patient, status: "failed", reason: "noMobile", createdAt, calls: [] };
    if (patient.hasOwnMobile === false) return { patient, status: "failed", reason: "mobileNotOwn", createdAt, calls: [] };
    const roll = rng();
    const pending = opts.pendingRate ?? 0.05;
    const intercepted = opts.interceptedRate ?? 0.05;
    const failed = opts.failedRate ?? 0.05;
    if (roll < pending) return { patient, status: "pending", reason: null, createdAt, calls: [] };
    if (roll < pending + intercepted) return { patient, status: "intercepted", reason: "sameScriptWithin15Days", createdAt, calls: [] };
    if (roll < pending + intercepted + failed) return { patient, status: "failed", reason: "missingNextAppointment", createdAt, calls: [] };
    return { patient, status: "ended", reason: null, createdAt, calls: planAttempts(rng, patient, opts.clinicShortName(patient.clinicId), createdAt) };
  });
}

function planAttempts(rng: Rng, patient: CallFixturePatient, clinic: string, createdAt: Date): PlannedCall[] {
  const first = planCall(rng, patient, clinic, 1, new Date(createdAt.getTime() + randInt(rng, 1, 20) * 1000));
  if (first.outcome === "answered" || !RETRYABLE.includes(first.outcome)) return [first];
  const second = planCall(rng, patient, clinic, 2, new Date(first.endedAt.getTime() + 30 * MINUTE_MS));
  return [first, second];
}

export function planCall(rng: Rng, patient: CallFixturePatient, clinic: string, attempt: number, dialedAt: Date): PlannedCall {
  const outcome = weighted(rng, OUTCOME_WEIGHTS);
  if (outcome !== "answered") {
    const ring = outcome === "noAnswer" ? randInt(rng, 30, 60) : randInt(rng, 1, 8);
    const intent = outcome === "noAnswer" || outcome === "busy" || outcome === "rejected" ? "noAnswer" : "unreachable";
    return { attempt, outcome, dialedAt, answeredAt: null, endedAt: new Date(dialedAt.getTime() + ring * 1000), durationSec: 0, rounds: 0, intent, turns: [] };
  }
  const conversation = pick(rng, CONVERSATIONS);
  const answeredAt = new Date(dialedAt.getTime() + randInt(rng, 3, 15) * 1000);
  let at = 0;
  const turns = conversation.lines.map(([speaker, text]) => {
    const turn = { speaker, text: text.replace("{name}", patient.name).replace("{clinic}", clinic), at };
    at += Math.max(2, Math.round(turn.text.length / 4)) + randInt(rng, 0, 2);
    return turn;
  });
  const durationSec = at + (chance(rng, 0.5) ? 1 : 0);
  const rounds = countRounds(turns);
  return {
    attempt,
    outcome,
    dialedAt,
    answeredAt,
    endedAt: new Date(answeredAt.getTime() + durationSec * 1000),
    durationSec,
    rounds,
    intent: conversation.intent,
    turns,
  };
}

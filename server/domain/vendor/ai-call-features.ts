/**
 * What the AI-call vendor itself can do during a call, as one company setting (Company.aiCallFeatures) with defaults.
 * Tencent CCC offers each as a CreateAICall parameter (https://cloud.tencent.com/document/api/679/115681; the request
 * fields are also in the official SDK's CreateAICallRequest): voicemail detection, a ring timeout, queueing when AI
 * concurrency is full, what to do when the patient says nothing, extraction of structured answers, and transfer to a
 * person. The simulator ignores them, except the transfer (its numbers that ask for a person: docs/carrier-simulator.md).
 */
export interface AiCallFeatures {
  /** EnableVoicemailDetection (+ VoicemailAction 0: hang up): a voicemail / 秘书台 ends the call as 语音信箱. */
  voicemailDetection: boolean;
  /** MaxRingTimeoutSecond ("仅自携号码支持"): how long the phone rings before the vendor hangs up. */
  maxRingSeconds: number;
  /** AcquireTimeoutSecond, documented range [0, 5], default 5: wait for a free AI agent instead of failing at once. */
  acquireTimeoutSeconds: number;
  /** NotifyDuration (s, ≥ 10) / NotifyMessage / NotifyMaxCount, and MaxDuration (ms): silence handling. */
  silence: { promptAfterSeconds: number; prompt: string; maxPrompts: number; hangUpAfterSeconds: number };
  /** ExtractConfig + DescribeAICallExtractResult: the vendor fills EXTRACT_FIELDS after the call. */
  extraction: boolean;
  /** TransferFunctionEnable / TransferItems: the AI may hand the call to the clinic's front desk (its skill group). */
  transferToFrontDesk: boolean;
  /**
   * EnableComplianceAudio (default true): CCC plays a tone at the start marking the conversation as AI-generated. Off
   * means the chain tells Tencent it adds the legally required AI label itself (the request field's own text).
   */
  complianceAudio: boolean;
}

/** The bounds of each number, one home for the reader below and the settings form's validation. */
export const AI_CALL_FEATURE_LIMITS = {
  maxRingSeconds: { min: 10, max: 120 },
  acquireTimeoutSeconds: { min: 0, max: 5 },
  promptAfterSeconds: { min: 10, max: 60 },
  promptMaxLength: 100,
  maxPrompts: { min: 0, max: 5 },
  hangUpAfterSeconds: { min: 15, max: 300 },
} as const;

export const DEFAULT_AI_CALL_FEATURES: AiCallFeatures = {
  voicemailDetection: true,
  maxRingSeconds: 45,
  acquireTimeoutSeconds: 5,
  silence: { promptAfterSeconds: 10, prompt: "抱歉，我没听清。您可以再说一遍吗？", maxPrompts: 2, hangUpAfterSeconds: 40 },
  extraction: true,
  transferToFrontDesk: true,
  complianceAudio: true,
};

const clamp = (v: unknown, min: number, max: number, fallback: number) =>
  typeof v === "number" && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
const bool = (v: unknown, fallback: boolean) => (typeof v === "boolean" ? v : fallback);

/** The stored setting (any JSON, possibly partial or from an older version) with the documented bounds applied. */
export function aiCallFeaturesOf(stored: unknown): AiCallFeatures {
  const s = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const silence = (s.silence && typeof s.silence === "object" ? s.silence : {}) as Record<string, unknown>;
  const d = DEFAULT_AI_CALL_FEATURES;
  const L = AI_CALL_FEATURE_LIMITS;
  return {
    voicemailDetection: bool(s.voicemailDetection, d.voicemailDetection),
    maxRingSeconds: clamp(s.maxRingSeconds, L.maxRingSeconds.min, L.maxRingSeconds.max, d.maxRingSeconds),
    acquireTimeoutSeconds: clamp(s.acquireTimeoutSeconds, L.acquireTimeoutSeconds.min, L.acquireTimeoutSeconds.max, d.acquireTimeoutSeconds),
    silence: {
      promptAfterSeconds: clamp(silence.promptAfterSeconds, L.promptAfterSeconds.min, L.promptAfterSeconds.max, d.silence.promptAfterSeconds),
      prompt: typeof silence.prompt === "string" && silence.prompt.trim() ? silence.prompt.trim().slice(0, L.promptMaxLength) : d.silence.prompt,
      maxPrompts: clamp(silence.maxPrompts, L.maxPrompts.min, L.maxPrompts.max, d.silence.maxPrompts),
      hangUpAfterSeconds: clamp(silence.hangUpAfterSeconds, L.hangUpAfterSeconds.min, L.hangUpAfterSeconds.max, d.silence.hangUpAfterSeconds),
    },
    extraction: bool(s.extraction, d.extraction),
    transferToFrontDesk: bool(s.transferToFrontDesk, d.transferToFrontDesk),
    complianceAudio: bool(s.complianceAudio, d.complianceAudio),
  };
}

/** The structured answers the vendor extracts after an answered call (ExtractConfig, one element each). */
export const EXTRACT_FIELDS = [
  { key: "agreedToBook", name: "是否同意预约", type: "Boolean", content: "患者是否同意预约到店（就诊、复查或治疗）" },
  { key: "preferredTime", name: "期望到店时间", type: "Text", content: "患者说出的期望到店时间，按原话记录，例如“周六上午”；没有说则留空" },
  { key: "callbackRequested", name: "是否需要人工回电", type: "Boolean", content: "患者是否要求诊所工作人员（前台、医生）回电" },
] as const;

/** What the vendor extracted: null where it extracted nothing (the rules and the model decide those alone). */
export interface ExtractedAnswers {
  agreedToBook: boolean | null;
  preferredTime: string | null;
  callbackRequested: boolean | null;
}

export function extractedAnswersOf(stored: unknown): ExtractedAnswers | null {
  if (!stored || typeof stored !== "object") return null;
  const s = stored as Record<string, unknown>;
  const b = (v: unknown) => (typeof v === "boolean" ? v : null);
  const out: ExtractedAnswers = {
    agreedToBook: b(s.agreedToBook),
    preferredTime: typeof s.preferredTime === "string" && s.preferredTime.trim() ? s.preferredTime.trim().slice(0, 60) : null,
    callbackRequested: b(s.callbackRequested),
  };
  return out.agreedToBook === null && out.preferredTime === null && out.callbackRequested === null ? null : out;
}

const yesNo = (v: boolean | null) => (v === null ? null : v ? "是" : "否");

/**
 * The extraction as post-call analysis reads a vendor's structured result (ClassifyIntentInput.vendorExtraction): the
 * fields under the names we configured, plus 预约时间 for the rules' proposed time.
 */
export function extractionForAnalysis(answers: ExtractedAnswers | null): { fields: Record<string, string> } | null {
  if (!answers) return null;
  const fields: Record<string, string> = {};
  const put = (k: string, v: string | null) => {
    if (v !== null) fields[k] = v;
  };
  put("是否同意预约", yesNo(answers.agreedToBook));
  put("期望到店时间", answers.preferredTime);
  put("预约时间", answers.preferredTime);
  put("是否需要人工回电", yesNo(answers.callbackRequested));
  return Object.keys(fields).length ? { fields } : null;
}

/**
 * The voice (音色) catalogue. `engine` is how the offline TTS (espeak-ng, Mandarin) renders each voice; a vendor's
 * TTS would map the same keys to its own voice ids.
 */
export interface VoiceDefinition {
  key: string;
  name: string;
  gender: "male" | "female";
  style: string;
  avatar: string;
  sampleText: string;
  engine: { variant: string; basePitch: number; baseWpm: number };
  sortOrder: number;
}

export const VOICES: readonly VoiceDefinition[] = [
  {
    key: "xiaoya",
    name: "小雅",
    gender: "female",
    style: "温柔亲切",
    avatar: "/voices/xiaoya.svg",
    sampleText: "您好，我是微笑口腔的客服小雅，提醒您明天上午十点到店复诊，期待您的到来。",
    engine: { variant: "f2", basePitch: 58, baseWpm: 250 },
    sortOrder: 1,
  },
  {
    key: "xiaomei",
    name: "小美",
    gender: "female",
    style: "活泼热情",
    avatar: "/voices/xiaomei.svg",
    sampleText: "您好呀，我是小美！我们门诊本月有洁牙特惠活动，欢迎您带上家人一起来体验。",
    engine: { variant: "f4", basePitch: 66, baseWpm: 265 },
    sortOrder: 2,
  },
  {
    key: "wanqing",
    name: "婉清",
    gender: "female",
    style: "知性专业",
    avatar: "/voices/wanqing.svg",
    sampleText: "您好，我是婉清。根据您的就诊记录，建议您每半年做一次口腔检查，及早发现问题。",
    engine: { variant: "f1", basePitch: 50, baseWpm: 245 },
    sortOrder: 3,
  },
  {
    key: "ajing",
    name: "阿静",
    gender: "female",
    style: "舒缓耐心",
    avatar: "/voices/ajing.svg",
    sampleText: "您好，我是阿静，想了解一下您术后恢复得怎么样，有没有哪里不舒服呢？",
    engine: { variant: "f5", basePitch: 48, baseWpm: 230 },
    sortOrder: 4,
  },
  {
    key: "chenlei",
    name: "晨磊",
    gender: "male",
    style: "沉稳可靠",
    avatar: "/voices/chenlei.svg",
    sampleText: "您好，我是晨磊，我们的种植专家本周六到店坐诊，需要帮您预约一次免费面诊吗？",
    engine: { variant: "m3", basePitch: 40, baseWpm: 245 },
    sortOrder: 5,
  },
  {
    key: "zhiyuan",
    name: "志远",
    gender: "male",
    style: "阳光亲和",
    avatar: "/voices/zhiyuan.svg",
    sampleText: "您好，我是志远，好久不见！我们为老朋友准备了回归礼遇，欢迎您回来看看。",
    engine: { variant: "m1", basePitch: 52, baseWpm: 260 },
    sortOrder: 6,
  },
];

export const DEFAULT_VOICE_KEY = "xiaoya";

export function voiceByKey(key: string): VoiceDefinition | undefined {
  return VOICES.find((v) => v.key === key);
}

/** Script-level adjustments (语速 / 语调 / 音量), as stored on Script: percent, 0–100 around 50, percent. */
export const VOICE_LIMITS = {
  speed: { min: 50, max: 200, default: 100 },
  pitch: { min: 0, max: 100, default: 50 },
  volume: { min: 10, max: 200, default: 100 },
} as const;

/** espeak-ng arguments for a voice and the script's adjustments (clamped to espeak's ranges). */
export function espeakArgs(voice: VoiceDefinition, adj: { speed: number; pitch: number; volume: number }) {
  const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));
  return {
    voice: `cmn+${voice.engine.variant}`,
    wpm: clamp((voice.engine.baseWpm * adj.speed) / 100, 80, 400),
    pitch: clamp(voice.engine.basePitch + (adj.pitch - 50), 0, 99),
    amplitude: clamp(adj.volume, 0, 200),
  };
}

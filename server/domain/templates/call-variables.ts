/**
 * Call variables: placeholders that stay in an AI script's dialogues and are filled per call by the dial engine (the
 * carrier port's `CreateCallInput.variables`), because they differ per patient or per clinic of the call. Template
 * parameters, by contrast, are substituted once when the script is generated.
 */
export type CallDataRequirement = "clinic" | "appointment" | "deduction" | "visit" | "benefit";

export interface CallVariable {
  key: string;
  /** The name shown in the studio and typed when editing a line: {诊所简称}. */
  label: string;
  /** What the engine must find for the patient before calling; missing → the seed's 失败原因 (缺少下次预约信息 …). */
  requires: CallDataRequirement | null;
  /** How the engine fills it, and the example the studio shows. */
  example: string;
}

export const CALL_VARIABLES: readonly CallVariable[] = [
  { key: "patientTitle", label: "患者称呼", requires: null, example: "王女士" },
  { key: "clinicShortName", label: "诊所简称", requires: "clinic", example: "静安店" },
  { key: "clinicAddress", label: "诊所地址", requires: "clinic", example: "上海市静安区南京西路1266号" },
  { key: "appointmentTime", label: "预约时间", requires: "appointment", example: "明天上午10:00" },
  { key: "appointmentItem", label: "预约项目", requires: "appointment", example: "洁牙" },
  { key: "deductionItem", label: "治疗项目", requires: "deduction", example: "种植牙一期手术" },
  { key: "deductionDate", label: "治疗日期", requires: "deduction", example: "3月12日" },
  { key: "visitDate", label: "到访日期", requires: "visit", example: "去年10月" },
  { key: "benefitName", label: "权益名称", requires: "benefit", example: "洁牙套餐剩余1次" },
  { key: "benefitExpiry", label: "权益到期日", requires: "benefit", example: "6月30日" },
];

const BY_KEY = new Map(CALL_VARIABLES.map((v) => [v.key, v]));
const BY_LABEL = new Map(CALL_VARIABLES.map((v) => [v.label, v]));

export function isCallVariable(key: string): boolean {
  return BY_KEY.has(key);
}

export function callVariable(key: string): CallVariable | undefined {
  return BY_KEY.get(key);
}

const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g;

/** Call-variable keys used in a text, in order of first use. */
export function callVariablesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) if (BY_KEY.has(m[1]!)) found.add(m[1]!);
  return [...found];
}

/** Fills call variables (call time, or the studio's preview with one clinic's values); unknown keys stay as they are. */
export function fillCallVariables(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => {
    const value = BY_KEY.has(key) ? values[key] : undefined;
    return value === undefined ? whole : value;
  });
}

/** For editing a line by hand: {clinicShortName} → {诊所简称}. */
export function toEditableText(text: string): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => {
    const v = BY_KEY.get(key);
    return v ? `{${v.label}}` : whole;
  });
}

/** Back from the editor: {诊所简称} → {clinicShortName}; both spellings are accepted. */
export function fromEditableText(text: string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const v = BY_LABEL.get(name);
    return v ? `{${v.key}}` : whole;
  });
}

/** Data the engine must load for a script's dialogues (e.g. "appointment" when {appointmentTime} is spoken). */
export function dataRequirementsOf(texts: Iterable<string>): CallDataRequirement[] {
  const reqs = new Set<CallDataRequirement>();
  for (const text of texts) {
    for (const key of callVariablesIn(text)) {
      const r = BY_KEY.get(key)?.requires;
      if (r) reqs.add(r);
    }
  }
  return [...reqs];
}

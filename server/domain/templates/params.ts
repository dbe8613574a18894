import type { TemplateParam } from "./template-types";

export type ParamValues = Record<string, string>;

export interface ParamCheck {
  /** Trimmed values for the schema's keys only (unknown keys are dropped, empty optional ones omitted). */
  values: ParamValues;
  /** key → zh-CN message. */
  errors: Record<string, string>;
}

export const paramMaxLength = (p: TemplateParam) => p.maxLength ?? (p.kind === "textarea" ? 200 : 60);

/** Checks the 设置参数 form against a template's schema: required (red *), length, select options. */
export function checkParams(schema: readonly TemplateParam[], raw: Readonly<Record<string, unknown>>): ParamCheck {
  const values: ParamValues = {};
  const errors: Record<string, string> = {};
  for (const p of schema) {
    const input = raw[p.key];
    const value = typeof input === "string" ? input.trim() : "";
    if (!value) {
      if (p.required) errors[p.key] = p.kind === "select" || p.kind === "clinic" ? `请选择${p.label}` : `请填写${p.label}`;
      continue;
    }
    if (Array.from(value).length > paramMaxLength(p)) {
      errors[p.key] = `${p.label}最多 ${paramMaxLength(p)} 个字`;
      continue;
    }
    if (p.kind === "select" && p.options && !p.options.includes(value)) {
      errors[p.key] = `${p.label}的选项无效`;
      continue;
    }
    values[p.key] = value;
  }
  return { values, errors };
}

/** Initial form values: each parameter's default. */
export function defaultParams(schema: readonly TemplateParam[]): ParamValues {
  const values: ParamValues = {};
  for (const p of schema) if (p.defaultValue !== undefined) values[p.key] = p.defaultValue;
  return values;
}

/** The keys of `clinic` parameters (门店参数), whose value is a clinic id. */
export function clinicParamKeys(schema: readonly TemplateParam[]): string[] {
  return schema.filter((p) => p.kind === "clinic").map((p) => p.key);
}

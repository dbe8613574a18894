/**
 * Which variables the chosen vendors need (CARRIER=tencent-ccc, SMS=tencent), checked at boot by server/env.ts so a
 * missing one is named at start-up, not at the first call. Pure: takes the raw values.
 */
export const TENCENT_CCC_REQUIRED = [
  "TENCENT_SECRET_ID",
  "TENCENT_SECRET_KEY",
  "TENCENT_CCC_SDK_APP_ID",
  "TENCENT_CCC_LLM_API_URL",
  "TENCENT_CCC_LLM_API_KEY",
  "TENCENT_CCC_PUSH_USERNAME",
  "TENCENT_CCC_PUSH_PASSWORD",
] as const;

export const TENCENT_SMS_REQUIRED = ["TENCENT_SECRET_ID", "TENCENT_SECRET_KEY", "TENCENT_SMS_SDK_APP_ID", "TENCENT_SMS_SIGN_NAME", "TENCENT_SMS_CALLBACK_TOKEN"] as const;

export function missingVendorSettings(values: Readonly<Record<string, string | undefined>>): string[] {
  const need = new Set<string>();
  if (values.CARRIER === "tencent-ccc") for (const k of TENCENT_CCC_REQUIRED) need.add(k);
  if (values.SMS === "tencent") for (const k of TENCENT_SMS_REQUIRED) need.add(k);
  const missing = [...need].filter((k) => !values[k]?.trim());
  if (values.CARRIER === "tencent-ccc" && values.TENCENT_CCC_SDK_APP_ID && !/^\d+$/.test(values.TENCENT_CCC_SDK_APP_ID)) missing.push("TENCENT_CCC_SDK_APP_ID (digits)");
  return missing;
}

export function vendorSettingsError(values: Readonly<Record<string, string | undefined>>): string | null {
  const missing = missingVendorSettings(values);
  if (missing.length === 0) return null;
  const chosen = [values.CARRIER === "tencent-ccc" ? "CARRIER=tencent-ccc" : null, values.SMS === "tencent" ? "SMS=tencent" : null].filter(Boolean).join(" and ");
  return `Invalid environment variables: ${chosen} needs ${missing.join(", ")} (see docs/carrier.md)`;
}

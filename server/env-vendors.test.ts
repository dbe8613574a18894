import { describe, expect, it } from "vitest";
import { missingVendorSettings, vendorSettingsError } from "./env-vendors";

const CCC = {
  TENCENT_SECRET_ID: "id",
  TENCENT_SECRET_KEY: "key",
  TENCENT_CCC_SDK_APP_ID: "1400000001",
  TENCENT_CCC_LLM_API_URL: "https://llm.example.com/v1",
  TENCENT_CCC_LLM_API_KEY: "sk",
  TENCENT_CCC_PUSH_USERNAME: "u",
  TENCENT_CCC_PUSH_PASSWORD: "p",
};

describe("vendor settings checked at boot", () => {
  it("the simulators need nothing", () => {
    expect(vendorSettingsError({})).toBeNull();
    expect(vendorSettingsError({ CARRIER: "simulator", SMS: "simulator" })).toBeNull();
  });

  it("names every missing variable of the chosen vendor", () => {
    expect(missingVendorSettings({ CARRIER: "tencent-ccc", ...CCC, TENCENT_CCC_PUSH_PASSWORD: " " })).toEqual(["TENCENT_CCC_PUSH_PASSWORD"]);
    expect(vendorSettingsError({ SMS: "tencent", TENCENT_SECRET_ID: "id", TENCENT_SECRET_KEY: "k", TENCENT_SMS_SDK_APP_ID: "1" })).toBe(
      "Invalid environment variables: SMS=tencent needs TENCENT_SMS_SIGN_NAME, TENCENT_SMS_CALLBACK_TOKEN (see docs/carrier.md)",
    );
    expect(missingVendorSettings({ CARRIER: "tencent-ccc", ...CCC })).toEqual([]);
    expect(missingVendorSettings({ CARRIER: "tencent-ccc", ...CCC, TENCENT_CCC_SDK_APP_ID: "abc" })).toEqual(["TENCENT_CCC_SDK_APP_ID (digits)"]);
  });
});

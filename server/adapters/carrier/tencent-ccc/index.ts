import { env } from "@/server/env";
import { tencentClientOptions } from "@/server/adapters/tencent/tencent-settings";
import { TencentCccCarrier } from "./tencent-ccc-carrier";

/** The CCC carrier from the environment (validated at boot: server/env.ts names anything missing). */
export function createTencentCccCarrier(): TencentCccCarrier {
  return new TencentCccCarrier({
    client: tencentClientOptions("ccc"),
    sdkAppId: Number(env.TENCENT_CCC_SDK_APP_ID),
    callers: (env.TENCENT_CCC_CALLERS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    llmType: env.TENCENT_CCC_LLM_TYPE ?? "openai",
    llmApiUrl: env.TENCENT_CCC_LLM_API_URL ?? "",
    llmApiKey: env.TENCENT_CCC_LLM_API_KEY ?? "",
    llmModel: env.TENCENT_CCC_LLM_MODEL,
    voiceType: env.TENCENT_CCC_VOICE_TYPE ?? "ZhiMei",
    pushUsername: env.TENCENT_CCC_PUSH_USERNAME ?? "",
    pushPassword: env.TENCENT_CCC_PUSH_PASSWORD ?? "",
  });
}

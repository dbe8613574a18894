import { env } from "@/server/env";
import { tencentClientOptions } from "@/server/adapters/tencent/tencent-settings";
import { TencentSms } from "./tencent-sms";

/** Tencent Cloud SMS from the environment (validated at boot: server/env.ts names anything missing). */
export function createTencentSms(): TencentSms {
  return new TencentSms({
    client: tencentClientOptions("sms"),
    smsSdkAppId: env.TENCENT_SMS_SDK_APP_ID ?? "",
    signName: env.TENCENT_SMS_SIGN_NAME ?? "",
    callbackToken: env.TENCENT_SMS_CALLBACK_TOKEN ?? "",
  });
}

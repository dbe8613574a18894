/**
 * The fake Tencent Cloud API as its own process, for the e2e run with CARRIER=tencent-ccc SMS=tencent
 * (playwright.tencent.config.ts starts it). Everything comes from the same variables the app is given.
 */
import { startFakeTencent } from "./fake-tencent";

const need = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`fake Tencent: ${name} is not set`);
  return v;
};

const appUrl = need("APP_URL").replace(/\/+$/, "");
const fake = await startFakeTencent({
  port: Number(need("FAKE_TENCENT_PORT")),
  keys: { [need("TENCENT_SECRET_ID")]: need("TENCENT_SECRET_KEY") },
  ccc: {
    sdkAppId: Number(need("TENCENT_CCC_SDK_APP_ID")),
    pushUrl: `${appUrl}/api/carrier/webhook`,
    pushAuth: { username: need("TENCENT_CCC_PUSH_USERNAME"), password: need("TENCENT_CCC_PUSH_PASSWORD") },
    callMs: Number(process.env.FAKE_TENCENT_CALL_MS ?? 1500),
    duplicate: true,
    reorder: true,
  },
  sms: {
    smsSdkAppId: need("TENCENT_SMS_SDK_APP_ID"),
    approvedTemplates: (process.env.FAKE_TENCENT_APPROVED_TEMPLATES ?? "").split(",").filter(Boolean),
    callbackUrl: `${appUrl}/api/sms/receipts?token=${encodeURIComponent(need("TENCENT_SMS_CALLBACK_TOKEN"))}`,
    duplicate: true,
  },
});
console.log(`fake Tencent Cloud API on ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

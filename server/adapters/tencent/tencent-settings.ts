import { env } from "@/server/env";

/**
 * The official SDKs' client options. Only `profile.httpProfile` (endpoint, protocol) differs between the vendor and
 * the local fakes (tests/fakes/tencent): nothing else in the adapters changes.
 */
export interface TencentClientOptions {
  credential: { secretId: string; secretKey: string };
  region: string;
  profile: { httpProfile: { endpoint: string; protocol: string; reqTimeout: number } };
}

export function tencentClientOptions(product: "ccc" | "sms", values: { endpoint?: string } = {}): TencentClientOptions {
  const endpoint = values.endpoint ?? (product === "ccc" ? env.TENCENT_CCC_ENDPOINT : env.TENCENT_SMS_ENDPOINT) ?? `${product}.tencentcloudapi.com`;
  return {
    credential: { secretId: env.TENCENT_SECRET_ID ?? "", secretKey: env.TENCENT_SECRET_KEY ?? "" },
    region: env.TENCENT_REGION ?? "ap-guangzhou",
    profile: { httpProfile: { endpoint, protocol: `${env.TENCENT_API_PROTOCOL ?? "https"}://`, reqTimeout: 15 } },
  };
}

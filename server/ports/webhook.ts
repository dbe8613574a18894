/** Why a webhook URL may not be posted to: its host is, or resolves to, a non-public address (SSRF). */
export interface WebhookRefusal {
  reason: "privateAddress" | "unresolvable";
  host: string;
  /** The offending address (privateAddress) — a name may resolve to several; the first refused one. */
  address: string | null;
  /** What kind of address it is (loopback, private, link-local / metadata …) or the resolver's error. */
  detail: string;
}

/** Posts one signed webhook body to a company's URL. Never throws for an HTTP answer; throws on network errors and timeouts. */
export interface WebhookTransport {
  post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number }>;
  /** Registration's check of a URL's host (resolved now); null when it may receive webhooks. */
  refusal(url: string): Promise<WebhookRefusal | null>;
}

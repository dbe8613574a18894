/** Posts one signed webhook body to a company's URL. Never throws for an HTTP answer; throws on network errors and timeouts. */
export interface WebhookTransport {
  post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number }>;
}

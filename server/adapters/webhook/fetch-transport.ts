import type { WebhookTransport } from "@/server/ports/webhook";

/** Webhooks over fetch; redirects are not followed (a signed body goes only to the registered URL). */
export const fetchWebhookTransport: WebhookTransport = {
  async post(url, body, headers, timeoutMs) {
    const res = await fetch(url, { method: "POST", body, headers, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status };
  },
};

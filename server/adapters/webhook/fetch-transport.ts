import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { webhookAllowPrivate } from "@/server/env";
import { isIpLiteral, privateAddressReason } from "@/server/domain/webhooks/private-address";
import type { WebhookRefusal, WebhookTransport } from "@/server/ports/webhook";

/** A delivery refused because its host is (or now resolves to) a non-public address; logged as the attempt's error. */
export class WebhookAddressRefused extends Error {
  constructor(readonly refusal: WebhookRefusal) {
    super(`目标地址 ${refusal.address ?? refusal.host} 为内网或本机地址（${refusal.detail}），已拒绝投递`);
    this.name = "WebhookAddressRefused";
  }
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

function literalRefusal(host: string): WebhookRefusal | null {
  if (!isIpLiteral(host)) return null;
  const why = privateAddressReason(host);
  return why ? { reason: "privateAddress", host, address: host, detail: why } : null;
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));
}

function firstPrivate(host: string, addresses: LookupAddress[]): WebhookRefusal | null {
  for (const a of addresses) {
    const why = privateAddressReason(a.address);
    if (why) return { reason: "privateAddress", host, address: a.address, detail: why };
  }
  return null;
}

/**
 * The socket's own name resolution, checked: the connection goes to exactly the addresses checked here, so a name that
 * resolved to a public address at registration and to 169.254.169.254 now (DNS rebinding) is refused at delivery.
 */
const guardedLookup: LookupFunction = (hostname, options: LookupOptions, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 0);
    const refused = firstPrivate(hostname, addresses);
    if (refused) return callback(new WebhookAddressRefused(refused), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};

/**
 * Webhooks over node:http(s): redirects are not followed (a signed body goes only to the registered URL), and unless
 * WEBHOOK_ALLOW_PRIVATE=1 (tests, the demo's loopback receiver) only public addresses are connected to.
 */
export function createWebhookTransport(allowPrivate: () => boolean): WebhookTransport {
  return {
    post(rawUrl, body, headers, timeoutMs) {
      const url = new URL(rawUrl);
      const guarded = !allowPrivate();
      const refused = guarded ? literalRefusal(hostOf(url)) : null;
      if (refused) return Promise.reject(new WebhookAddressRefused(refused));
      const signal = AbortSignal.timeout(timeoutMs);
      const request = url.protocol === "https:" ? https.request : http.request;
      return new Promise((resolve, reject) => {
        const req = request(url, { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) }, signal, agent: false, ...(guarded ? { lookup: guardedLookup } : {}) }, (res) => {
          res.resume();
          res.on("error", () => undefined);
          resolve({ status: res.statusCode ?? 0 });
          res.destroy();
        });
        req.on("error", (e) => {
          const reason: unknown = signal.reason;
          reject(signal.aborted && reason instanceof Error ? reason : e);
        });
        req.end(body);
      });
    },
    async refusal(rawUrl) {
      if (allowPrivate()) return null;
      const host = hostOf(new URL(rawUrl));
      if (isIpLiteral(host)) return literalRefusal(host);
      try {
        return firstPrivate(host, await resolveAll(host));
      } catch (e) {
        return { reason: "unresolvable", host, address: null, detail: e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e) };
      }
    },
  };
}

/** The app's transport: private addresses only with WEBHOOK_ALLOW_PRIVATE=1 (read at each use). */
export const fetchWebhookTransport: WebhookTransport = createWebhookTransport(webhookAllowPrivate);

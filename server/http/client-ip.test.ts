import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { installPeerAddressHook, PEER_TOKEN_HEADER } from "./peer-address";

/** A real HTTP server with the hook installed: what a route handler would see for a request sent with `headers`. */
let server: http.Server;
let port: number;
beforeAll(async () => {
  installPeerAddressHook();
  server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function seen(headers: Record<string, string>): Promise<Headers> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(new Headers(JSON.parse(body) as Record<string, string>)));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("clientIp", () => {
  it("with no trusted proxy counts the socket's address, whatever X-Forwarded-For / X-Real-IP the client sends", async () => {
    expect(clientIp(await seen({}), 0)).toBe("127.0.0.1");
    const spoofed = await seen({ "x-forwarded-for": "203.0.113.77, 198.51.100.9", "x-real-ip": "198.51.100.10" });
    expect(clientIp(spoofed, 0)).toBe("127.0.0.1");
  });

  it("behind N trusted proxies takes the entry N hops from the right; entries further left are ignored", async () => {
    // One nginx appended 198.51.100.9 (what it saw); 203.0.113.77 is whatever that client wrote.
    const viaOneProxy = await seen({ "x-forwarded-for": "203.0.113.77, 198.51.100.9" });
    expect(clientIp(viaOneProxy, 1)).toBe("198.51.100.9");
    expect(clientIp(viaOneProxy, 2)).toBe("203.0.113.77");
    // Fewer entries than hops: the leftmost one any proxy wrote, never something past it.
    expect(clientIp(await seen({ "x-forwarded-for": "198.51.100.9" }), 5)).toBe("198.51.100.9");
    expect(clientIp(await seen({ "x-forwarded-for": "not-an-ip, 198.51.100.9" }), 2)).toBeNull();
  });

  it("does not trust a token header the client forged, nor headers this process's hook never saw", async () => {
    const forged = await seen({ [PEER_TOKEN_HEADER]: "guess", "x-forwarded-for": "198.51.100.9" });
    expect(forged.get(PEER_TOKEN_HEADER)).not.toBe("guess");
    expect(clientIp(forged, 0)).toBe("127.0.0.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.9", [PEER_TOKEN_HEADER]: "guess" }), 0)).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.9" }), 0, null)).toBeNull();
  });
});

import autocannon from "autocannon";
import { percentile } from "../records/measure";
import { treeRssMb } from "./process-stats";
import type { UsersEndpoint } from "./users-model";

/**
 * One load phase: `connections` users cycle through the endpoints as a manager's browser would (the role and the
 * variant of each endpoint rotate); `rate` > 0 caps all users together at that many requests a second. Latency per
 * endpoint comes from onResponse (called just before autocannon's response event for the same request).
 */
export async function loadPhase(
  { base, connections, duration }: { base: string; connections: number; duration: number },
  endpoints: UsersEndpoint[],
  sessions: string[],
  rate: number,
  serverPid: number,
  onRss: (mb: number) => void,
) {
  const times = new Map<string, number[]>(endpoints.map((e) => [e.name, []]));
  const statuses = new Map<string, Map<number, number>>(endpoints.map((e) => [e.name, new Map()]));
  let turn = 0;
  let last: string | null = null;
  const requests = endpoints.map((e) => ({
    method: "GET" as const,
    setupRequest: (req: Record<string, unknown>) => {
      const n = turn++;
      const cookie = e.anonymous ? {} : { cookie: sessions[Math.floor(n / endpoints.length) % sessions.length] };
      return { ...req, path: e.paths[n % e.paths.length], headers: { ...e.headers, ...cookie } };
    },
    onResponse: (status: number) => {
      last = e.name;
      const s = statuses.get(e.name)!;
      s.set(status, (s.get(status) ?? 0) + 1);
    },
  }));
  const sampler = setInterval(() => onRss(treeRssMb(serverPid)), 500);
  const started = performance.now();
  const instance = autocannon({ url: base, connections, duration, pipelining: 1, requests, timeout: 60, ...(rate > 0 ? { overallRate: rate } : {}) });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (last) times.get(last)!.push(ms);
    last = null;
  });
  const result = await instance;
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const perSecond = (n: number) => Math.round((n / seconds) * 10) / 10;
  const endpointRows = endpoints.map((e) => {
    const t = times.get(e.name)!.sort((a, b) => a - b);
    const codes = Object.fromEntries(statuses.get(e.name)!);
    const errors = [...statuses.get(e.name)!].filter(([code]) => code >= 400).reduce((a, [, n]) => a + n, 0);
    return { endpoint: e.name, requests: t.length, perSecond: perSecond(t.length), p50: Math.round(percentile(t, 50)), p95: Math.round(percentile(t, 95)), p99: Math.round(percentile(t, 99)), errors, codes };
  });
  const all = [...times.values()].flat().sort((a, b) => a - b);
  return {
    rate,
    seconds,
    endpoints: endpointRows,
    all: { requests: all.length, perSecond: perSecond(all.length), p50: Math.round(percentile(all, 50)), p95: Math.round(percentile(all, 95)), p99: Math.round(percentile(all, 99)) },
    autocannon: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, requestsTotal: result.requests.total },
  };
}

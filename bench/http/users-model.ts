import http from "node:http";
import { percentile } from "../records/measure";

export interface UsersEndpoint {
  name: string;
  paths: string[];
  headers?: Record<string, string>;
  anonymous?: boolean;
}

/**
 * The users model with independent users (issue 29 item 4): `users` people, each with a keep-alive connection of their
 * own, each starting an action at random — the gaps between one user's actions are exponential with mean
 * `thinkSeconds` (start to start; a response slower than the gap delays the next action), so together they arrive as a
 * Poisson stream of users / thinkSeconds requests a second, as independent people do. The endpoints rotate as in the
 * autocannon phases (same mix, same roles). autocannon's `overallRate` cannot model this: every connection's rate timer
 * starts in the same millisecond, so its N / thinkSeconds requests leave together once a second (a burst), which the
 * bench keeps as the "lockstep" phase for comparison.
 */
export async function independentUsers(opts: {
  base: string;
  endpoints: UsersEndpoint[];
  sessions: string[];
  users: number;
  thinkSeconds: number;
  durationSeconds: number;
  /** Seeded so two runs send the same schedule. */
  seed?: number;
}) {
  const { base, endpoints, sessions, users, thinkSeconds, durationSeconds } = opts;
  const url = new URL(base);
  const times = new Map<string, number[]>(endpoints.map((e) => [e.name, []]));
  const statuses = new Map<string, Map<number, number>>(endpoints.map((e) => [e.name, new Map()]));
  let errors = 0;
  let turn = 0;
  let state = opts.seed ?? 29;
  const random = () => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const gapMs = () => -Math.log(1 - random()) * thinkSeconds * 1000;
  const started = performance.now();
  const endAt = started + durationSeconds * 1000;

  const one = (agent: http.Agent) => {
    const n = turn++;
    const e = endpoints[n % endpoints.length]!;
    const k = Math.floor(n / endpoints.length);
    const headers = { ...e.headers, ...(e.anonymous ? {} : { cookie: sessions[k % sessions.length]! }) };
    const path = e.paths[k % e.paths.length]!;
    const t0 = performance.now();
    return new Promise<void>((resolve) => {
      const req = http.request({ host: url.hostname, port: url.port, path, method: "GET", headers, agent }, (res) => {
        res.on("data", () => {});
        res.on("end", () => {
          times.get(e.name)!.push(performance.now() - t0);
          const s = statuses.get(e.name)!;
          s.set(res.statusCode ?? 0, (s.get(res.statusCode ?? 0) ?? 0) + 1);
          resolve();
        });
      });
      req.setTimeout(60_000, () => req.destroy(new Error("timeout")));
      req.on("error", () => {
        errors += 1;
        resolve();
      });
      req.end();
    });
  };

  const user = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    // The first action one exponential gap after the start (memoryless: the stream is Poisson from the first second).
    let next = started + gapMs();
    while (next < endAt) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const at = performance.now();
      await one(agent);
      next = at + gapMs();
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: users }, user));

  // Requests are started until the end of the duration (the last responses may come after it).
  const seconds = durationSeconds;
  const perSecond = (n: number) => Math.round((n / seconds) * 10) / 10;
  const endpointRows = endpoints.map((e) => {
    const t = times.get(e.name)!.sort((a, b) => a - b);
    const codes = Object.fromEntries(statuses.get(e.name)!);
    const failed = [...statuses.get(e.name)!].filter(([code]) => code >= 400).reduce((a, [, n]) => a + n, 0);
    return { endpoint: e.name, requests: t.length, perSecond: perSecond(t.length), p50: Math.round(percentile(t, 50)), p95: Math.round(percentile(t, 95)), p99: Math.round(percentile(t, 99)), errors: failed, codes };
  });
  const all = [...times.values()].flat().sort((a, b) => a - b);
  const non2xx = endpointRows.reduce((a, r) => a + r.errors, 0);
  return {
    rate: users / thinkSeconds,
    seconds,
    endpoints: endpointRows,
    all: { requests: all.length, perSecond: perSecond(all.length), p50: Math.round(percentile(all, 50)), p95: Math.round(percentile(all, 95)), p99: Math.round(percentile(all, 99)) },
    // The autocannon phases' error fields, so the report prints every phase alike.
    autocannon: { errors, timeouts: 0, non2xx, requestsTotal: all.length },
  };
}

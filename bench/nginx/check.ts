/**
 * Two app processes behind nginx on loopback (issue 29): `npx tsx bench/nginx/check.ts [--port=3180]`.
 * Uses deploy/nginx/zhineng-waihu.conf as it is (only the ports rewritten) with the Debian nginx binary, two
 * `next start` processes of the production build (NEXT_DIST_DIR, default .next) on a fresh demo database (recordings
 * stored under a shared DATA_DIR), TRUSTED_PROXY_HOPS=1, jobs' crons in the first process only. Checks, through nginx:
 * sign-in and the session on both processes, a patient-import upload (~2 MB) received whole, a recording's Range request (206), a signed
 * carrier webhook (and an unsigned one refused), the 实时监控 SSE stream's first event, and that a spoofed
 * X-Forwarded-For is not the address the login throttle counts. Prints one line per check; exits 1 if any failed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { LocalStorage } from "../../server/adapters/storage/local-storage";
import { signedHeaders } from "../../server/adapters/carrier/webhook-signature";
import { createDemoDatabase } from "../../tests/integration/test-database";
import { signIn as signInAt } from "../http/sign-in";

const root = path.resolve(import.meta.dirname, "../..");
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const front = Number(arg("port", "3180"));
const apps = [front + 1, front + 2];
const base = `http://127.0.0.1:${front}`;
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const SECRET = "nginx-check-carrier-secret-0123456789";
const log = (line: string) => console.error(`· ${line}`);
const results: { check: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail: string) => {
  results.push({ check: name, ok, detail });
  console.log(`${ok ? "✔" : "✘"} ${name} — ${detail}`);
};

function nginxConfig(work: string): string {
  const site = readFileSync(path.join(root, "deploy/nginx/zhineng-waihu.conf"), "utf8")
    .replace("listen 80;", `listen 127.0.0.1:${front};`)
    .replace("127.0.0.1:3001", `127.0.0.1:${apps[0]}`)
    .replace("127.0.0.1:3002", `127.0.0.1:${apps[1]}`);
  // The frame Debian's /etc/nginx/nginx.conf gives a site, with paths of our own (no root-owned files touched).
  return `daemon off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
user root;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  log_format upstreamlog '$request_method $uri $status upstream=$upstream_addr';
  access_log ${work}/access.log upstreamlog;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
${site}
}
`;
}

async function waitFor(url: string, seconds: number) {
  for (let i = 0; i < seconds * 2; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer in ${seconds} s`);
}

/** Every sign-in of the check carries a spoofed X-Forwarded-For: nginx, one trusted hop, must not pass it on. */
const signIn = (account: string) => signInAt(base, account, "Demo@2026", { "x-forwarded-for": "6.6.6.6" });

async function main() {
  if (spawnSync("nginx", ["-v"]).status !== 0) throw new Error("nginx is not installed (apt-get install -y nginx)");
  const work = mkdtempSync(path.join(tmpdir(), "zw-nginx-"));
  const dataDir = path.join(work, "data");
  mkdirSync(dataDir, { recursive: true });
  log(`demo database (with recordings in ${dataDir}/storage)`);
  const db = await createDemoDatabase("nginx", new LocalStorage(path.join(dataDir, "storage")));
  const children: ChildProcess[] = [];
  // nginx's master stops its workers on SIGTERM (a SIGKILL would leave them holding the port); the app processes are killed.
  const stop = () => children.forEach((c) => c.exitCode === null && c.kill(c.spawnargs[0] === "nginx" ? "SIGTERM" : "SIGKILL"));
  process.on("exit", stop);
  try {
    writeFileSync(path.join(work, "nginx.conf"), nginxConfig(work));
    const test = spawnSync("nginx", ["-t", "-c", path.join(work, "nginx.conf")], { encoding: "utf8" });
    check("nginx -t accepts deploy/nginx/zhineng-waihu.conf", test.status === 0, (test.stderr.trim().split("\n").at(-1) ?? "").trim());
    if (test.status !== 0) throw new Error(test.stderr);
    children.push(spawn("nginx", ["-c", path.join(work, "nginx.conf")], { stdio: "inherit" }));
    for (const [i, port] of apps.entries()) {
      children.push(
        spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
          cwd: root,
          stdio: ["ignore", "ignore", "inherit"],
          env: {
            ...process.env,
            NODE_ENV: "production",
            NEXT_DIST_DIR: distDir,
            DATABASE_URL: db.url,
            DATA_DIR: dataDir,
            AUTH_SECRET: "nginx-check-auth-secret-0123456789abcdef",
            CARRIER_WEBHOOK_SECRET: SECRET,
            APP_URL: base,
            DEMO_ACCOUNTS: "on",
            TRUSTED_PROXY_HOPS: "1",
            JOBS_CRONS: i === 0 ? "1" : "0",
          },
        }),
      );
    }
    for (const port of apps) await waitFor(`http://127.0.0.1:${port}/login`, 180);
    await waitFor(`${base}/login`, 30);
    log("nginx and both app processes are up");

    // ── sessions: one sign-in, then requests that nginx spreads over both processes ──
    const cookie = await signIn("admin@a.demo");
    const served = new Map<string, number>();
    let allOk = Boolean(cookie);
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${base}/api/trpc/me`, { headers: { cookie } });
      const body = (await res.json()) as { result?: { data?: { json?: { name?: string } } } };
      allOk &&= res.ok && Boolean(body.result?.data?.json?.name);
    }
    for (const line of readFileSync(path.join(work, "access.log"), "utf8").split("\n").filter((l) => l.includes("/api/trpc/me"))) {
      const upstream = /upstream=(\S+)/.exec(line)?.[1] ?? "?";
      served.set(upstream, (served.get(upstream) ?? 0) + 1);
    }
    check("a session signed in through nginx is valid on both app processes", allOk && served.size === 2, `12 × /api/trpc/me → ${[...served].map(([u, n]) => `${u}: ${n}`).join(", ")}`);

    // ── X-Forwarded-For: the sign-in above sent a spoofed 6.6.6.6; a failed one is counted against what nginx saw ──
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "x-forwarded-for": "6.6.6.6" },
      body: new URLSearchParams({ csrfToken, account: "admin@a.demo", password: "wrong-password", callbackUrl: `${base}/` }),
    });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const keys = (await client.query<{ key: string }>(`SELECT key FROM "LoginThrottle" WHERE key LIKE 'ip:%'`)).rows.map((r) => r.key);
    check("TRUSTED_PROXY_HOPS=1: a failed login counts nginx's peer, not the spoofed X-Forwarded-For", keys.includes("ip:127.0.0.1") && !keys.includes("ip:6.6.6.6"), `LoginThrottle keys: ${keys.join(", ") || "none"}`);

    // ── an upload (multipart, ~2 MB) through nginx: the app must receive every byte (it counts the rows) ──
    const rows = 60_000;
    const csv = `姓名,手机号,备注\n${Array.from({ length: rows }, (_, i) => `患者${i},139${String(i).padStart(8, "0")},nginx 检查`).join("\n")}\n`;
    const form = new FormData();
    form.set("file", new File([csv], "patients.csv", { type: "text/csv" }));
    const up = await fetch(`${base}/api/patient-imports`, { method: "POST", body: form, headers: { cookie } });
    const upBody = (await up.json()) as { rows?: number; jobId?: string; error?: { message: string } };
    check(
      `a ${(Buffer.byteLength(csv) / 1048576).toFixed(1)} MB upload passes nginx (client_max_body_size) whole`,
      up.ok && upBody.rows === rows,
      `POST /api/patient-imports ${up.status}${upBody.error ? ` ${upBody.error.message}` : ""}: ${upBody.rows ?? "?"} of ${rows} rows read`,
    );

    // ── a recording's Range request ──
    const rec = (await client.query<{ callId: string }>(`SELECT "callId" FROM "Recording" ORDER BY "createdAt" DESC LIMIT 1`)).rows[0];
    if (rec) {
      const r = await fetch(`${base}/api/call-records/${rec.callId}/recording`, { headers: { cookie, range: "bytes=100-1123" } });
      const bytes = (await r.arrayBuffer()).byteLength;
      check("a recording's Range request through nginx answers 206 with that range", r.status === 206 && bytes === 1024, `${r.status}, ${r.headers.get("content-range")}, ${bytes} B`);
    } else check("a recording's Range request through nginx answers 206 with that range", false, "the demo database has no recording");

    // ── the carrier's webhook: signed over the raw body, which nginx must pass untouched ──
    // A progress push for a call nobody placed: verified, recorded once, nothing to apply.
    const raw = JSON.stringify({ event_id: `nginx-check-${Date.now()}`, occurred_at: new Date().toISOString(), call_id: "sim-nginx-check", out_id: "no-such-task", event_type: "call_status", status: "RINGING" });
    const signed = await fetch(`${base}/api/carrier/webhook`, { method: "POST", body: raw, headers: { "content-type": "application/json", ...signedHeaders(SECRET, raw, Date.now()) } });
    const unsigned = await fetch(`${base}/api/carrier/webhook`, { method: "POST", body: raw, headers: { "content-type": "application/json" } });
    check("a signed carrier webhook is accepted through nginx; an unsigned one refused", signed.ok && unsigned.status === 401, `signed ${signed.status} ${await signed.text()}; unsigned ${unsigned.status}`);

    // ── 实时监控 over SSE: the first event arrives through nginx while the stream stays open ──
    const abort = new AbortController();
    const t0 = performance.now();
    const sse = await fetch(`${base}/api/trpc/monitor.live?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
    const reader = sse.body!.getReader();
    let text = "";
    while (!text.includes("data:") && performance.now() - t0 < 15_000) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const firstMs = Math.round(performance.now() - t0);
    abort.abort();
    check("the 实时监控 SSE stream delivers its first event through nginx (proxy_buffering off)", sse.headers.get("content-type")?.includes("text/event-stream") === true && text.includes("data:"), `${sse.status} ${sse.headers.get("content-type")}, first event after ${firstMs} ms`);
    await client.end();
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 1_000));
    if (!process.env.KEEP_TEST_DB) await db.drop();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} of ${results.length} checks passed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

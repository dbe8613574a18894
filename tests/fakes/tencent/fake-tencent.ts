import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { Mp3Encoder } from "@breezystack/lamejs";
import { ApiError, FakeCcc, type FakeCccOptions } from "./fake-ccc";
import { CCC_ERRORS, SMS_ERRORS } from "@/server/domain/vendor/vendor-errors";
import { FakeSms, type FakeSmsOptions } from "./fake-sms";
import { Pusher } from "./pusher";
import { TC3_MESSAGES, verifyTc3 } from "./tc3-verify";

/**
 * A local stand-in for the Tencent Cloud API (CCC 2020-02-10 and SMS 2021-01-11) that the official SDKs talk to
 * unchanged (profile.httpProfile.endpoint = "127.0.0.1:<port>", protocol http). Every request must carry a valid
 * TC3-HMAC-SHA256 signature; CCC pushes call records and recordings back with basicAuth, SMS pushes receipts — both
 * duplicated and out of order when asked to. Started by the tests themselves (tests/fakes/tencent/main.ts for e2e).
 */
export interface FakeTencentOptions {
  port?: number;
  /** SecretId → SecretKey accepted by the fake. */
  keys: Record<string, string>;
  ccc: FakeCccOptions;
  sms: FakeSmsOptions;
}

export interface RawApiRequest {
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

export class FakeTencent {
  readonly pusher = new Pusher();
  readonly ccc: FakeCcc;
  readonly sms: FakeSms;
  /** Shifts the fake's clock (a stale or future X-TC-Timestamp is then refused with AuthFailure.SignatureExpire). */
  clockOffsetMs = 0;
  /** Every API request as received (tests replay one with an altered body). */
  readonly requests: RawApiRequest[] = [];
  private readonly failures = new Map<string, string[]>();
  private server: Server | null = null;
  private port = 0;
  private mp3: Buffer = Buffer.alloc(0);

  constructor(private readonly opts: FakeTencentOptions) {
    const now = () => Date.now() + this.clockOffsetMs;
    this.ccc = new FakeCcc(opts.ccc, this.pusher, () => this.url, now);
    this.sms = new FakeSms(opts.sms, this.pusher, now);
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What the SDKs are given as profile.httpProfile.endpoint. */
  get endpoint() {
    return `127.0.0.1:${this.port}`;
  }

  /** The next call of `action` answers this error code (once per code given). */
  failNext(action: string, ...codes: string[]) {
    // Only documented codes (server/domain/vendor/vendor-errors.ts, each row citing its page): a test cannot make the
    // fake answer what Tencent never does.
    for (const code of codes) if (!CCC_ERRORS[code] && !SMS_ERRORS[code]) throw new Error(`${code} is not a documented Tencent error code`);
    this.failures.set(action, [...(this.failures.get(action) ?? []), ...codes]);
  }

  async start(): Promise<this> {
    this.mp3 = toneMp3(6);
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const path = (req.url ?? "/").split("?")[0]!;
        const rec = /^\/recordings\/([\w-]+)\.mp3$/.exec(path);
        if (req.method === "GET" && rec) {
          const status = this.ccc.recordingStatus(rec[1]!, new URL(req.url!, this.url).searchParams);
          if (status !== 200) {
            res.writeHead(status, { "content-type": "application/xml" }).end(`<Error><Code>${status === 403 ? "AccessDenied" : "NoSuchKey"}</Code><Message>${status === 403 ? "Request has expired" : "The specified key does not exist."}</Message></Error>`);
            return;
          }
          res.writeHead(200, { "content-type": "audio/mpeg", "content-length": this.mp3.length }).end(this.mp3);
          return;
        }
        // Test control (e2e runs the fake as its own process): the next calls of an action answer documented codes.
        if (req.method === "POST" && path === "/__fake/fail-next") {
          try {
            const { action, codes } = JSON.parse(body.toString("utf8")) as { action: string; codes: string[] };
            this.failNext(action, ...codes);
            res.writeHead(200, { "content-type": "application/json" }).end("{}");
          } catch (e) {
            res.writeHead(400, { "content-type": "text/plain" }).end(String(e));
          }
          return;
        }
        // Test control: a template as the SMS console would hold it (DescribeSmsTemplateList answers with it).
        if (req.method === "POST" && path === "/__fake/sms-template") {
          try {
            const { id, content, statusCode } = JSON.parse(body.toString("utf8")) as { id: string; content: string; statusCode?: number };
            this.sms.setTemplate(id, content, statusCode);
            res.writeHead(200, { "content-type": "application/json" }).end("{}");
          } catch (e) {
            res.writeHead(400, { "content-type": "text/plain" }).end(String(e));
          }
          return;
        }
        if (req.method === "POST" && path === "/__fake/reset-failures") {
          this.failures.clear();
          res.writeHead(200, { "content-type": "application/json" }).end("{}");
          return;
        }
        if (req.method === "GET" && path === "/health") {
          res.writeHead(200, { "content-type": "text/plain" }).end("ok");
          return;
        }
        if (req.method !== "POST" || path !== "/") {
          res.writeHead(404).end();
          return;
        }
        this.requests.push({ url: req.url ?? "/", headers: req.headers, body });
        if (this.requests.length > 500) this.requests.shift();
        const answer = this.api(req, body);
        res.writeHead(200, { "content-type": "application/json", "x-tc-traceid": randomUUID() }).end(JSON.stringify({ Response: answer }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.opts.port ?? 0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections?.();
  }

  private api(req: IncomingMessage, body: Buffer): Record<string, unknown> {
    const RequestId = randomUUID();
    const error = (Code: string, Message: string) => ({ Error: { Code, Message }, RequestId });
    const nowSec = Math.floor((Date.now() + this.clockOffsetMs) / 1000);
    const authError = verifyTc3({ method: req.method ?? "POST", url: req.url ?? "/", headers: req.headers, body }, new Map(Object.entries(this.opts.keys)), nowSec);
    if (authError) return error(authError, TC3_MESSAGES[authError]);
    const action = String(req.headers["x-tc-action"] ?? "");
    const version = String(req.headers["x-tc-version"] ?? "");
    const forced = this.failures.get(action)?.shift();
    if (forced) return error(forced, `forced by the test: ${forced}`);
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(body.toString("utf8") || "{}");
    } catch {
      return error("InvalidParameter", "request body is not JSON");
    }
    try {
      if (version === "2020-02-10") return { ...this.ccc.handle(action, params), RequestId };
      if (version === "2021-01-11") return { ...this.sms.handle(action, params), RequestId };
      return error("NoSuchVersion", `The API version ${version} does not exist`);
    } catch (e) {
      if (e instanceof ApiError) return error(e.code, e.message);
      return error("InternalError", (e as Error).message);
    }
  }
}

/** A short 440 Hz tone as mp3: the recording every answered fake call has. */
function toneMp3(seconds: number): Buffer {
  const rate = 22050; // as the simulator's recordings: MPEG-2 layer III, 48 kbps
  const samples = new Int16Array(rate * seconds);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 6000);
  const encoder = new Mp3Encoder(1, rate, 48);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < samples.length; i += 1152) parts.push(encoder.encodeBuffer(samples.subarray(i, i + 1152)));
  parts.push(encoder.flush());
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}

export async function startFakeTencent(opts: FakeTencentOptions): Promise<FakeTencent> {
  return new FakeTencent(opts).start();
}

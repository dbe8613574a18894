import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CarrierRejected, InvalidCallback, type CarrierEvent } from "@/server/ports/carrier";
import { startFakeTencent, type FakeTencent, type FakeTencentOptions } from "@/tests/fakes/tencent/fake-tencent";
import { dispositionOf } from "@/server/domain/vendor/vendor-errors";
import { END_STATUS_OUTCOMES } from "./ccc-mapping";
import { TencentCccCarrier, type TencentCccConfig } from "./tencent-ccc-carrier";

/**
 * Contract: the adapter, through the official SDK, against a local fake that speaks CCC's wire protocol
 * (TC3-HMAC-SHA256 verified as documented, vendor response shapes, basicAuth pushes duplicated and reordered).
 */
const KEYS = { AKIDcontract: "contract-secret-key" };
const PUSH = { username: "tccc-push", password: "push-password-123" };
let fake: FakeTencent;
let receiver: Server;
const received: { status: number; events: CarrierEvent[] }[] = [];
const options: FakeTencentOptions = {
  keys: KEYS,
  ccc: { sdkAppId: 1400000001, pushAuth: PUSH, callMs: 40, duplicate: true, reorder: true },
  sms: { smsSdkAppId: "1400000002", approvedTemplates: [] },
};

const config = (over: Partial<TencentCccConfig> = {}, secretKey = KEYS.AKIDcontract, secretId = "AKIDcontract"): TencentCccConfig => ({
  client: { credential: { secretId, secretKey }, region: "ap-guangzhou", profile: { httpProfile: { endpoint: fake.endpoint, protocol: "http://", reqTimeout: 10 } } },
  sdkAppId: 1400000001,
  callers: ["02150000000"],
  llmType: "openai",
  llmApiUrl: "https://llm.example.com/v1",
  llmApiKey: "sk-test",
  voiceType: "ZhiMei",
  pushUsername: PUSH.username,
  pushPassword: PUSH.password,
  ...over,
});

let carrier: TencentCccCarrier;

const input = (callee: string, i = 0) => ({
  clientRef: `task${i}:1`,
  callee,
  script: {
    scriptId: "s",
    kind: "ai" as const,
    category: "service" as const,
    voice: null,
    dialogues: { scenarios: [{ key: "main-1", name: "主流程-1", rounds: [{ ai: "您好，这里是{clinicShortName}", replies: [{ text: "好的", next: { kind: "end" as const } }] }] }], intents: [] },
  },
  variables: { clinicShortName: "静安店" },
});

beforeAll(async () => {
  // Our webhook in miniature: the adapter verifies and parses every push; 401 for a forged one.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
      try {
        const events = await carrier.parseCallback(headers, Buffer.concat(chunks).toString("utf8"), new URL(req.url!, "http://127.0.0.1"));
        received.push({ status: 200, events });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ErrCode: 0, ErrMsg: "ok" }));
      } catch (e) {
        const status = e instanceof InvalidCallback ? 401 : 500;
        received.push({ status, events: [] });
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ ErrCode: status, ErrMsg: String(e) }));
      }
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  options.ccc.pushUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/carrier/webhook`;
  fake = await startFakeTencent(options);
  carrier = new TencentCccCarrier(config());
});

afterAll(async () => {
  await fake?.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});

const settle = async () => {
  await new Promise((r) => setTimeout(r, 150));
  await fake.pusher.idle();
};

describe("Tencent CCC adapter ⇄ fake CCC", { timeout: 30_000 }, () => {
  it("maps every documented outbound end status, from the push and from DescribeTelCdr alike", async () => {
    const statuses = Object.keys(END_STATUS_OUTCOMES).map(Number);
    const placed = new Map<string, number>();
    for (const [i, status] of statuses.entries()) {
      const mobile = `1390000${String(1000 + i).padStart(4, "0")}`;
      fake.ccc.endStatusOverride.set(mobile, status);
      const { carrierCallId } = await carrier.createCall(input(mobile, i));
      placed.set(carrierCallId, status);
    }
    await new Promise((r) => setTimeout(r, 200));
    await settle();
    const pushed = new Map(received.flatMap((r) => r.events).filter((e) => e.type === "attempt.completed").map((e) => [e.carrierCallId, e]));
    for (const [id, status] of placed) {
      const expected = END_STATUS_OUTCOMES[status]!.outcome;
      expect(pushed.get(id), `push of ${status}`).toMatchObject({ outcome: expected, rawCode: `${status}:${END_STATUS_OUTCOMES[status]!.name}` });
      const polled = (await carrier.getCall(id))!.find((e) => e.type === "attempt.completed");
      expect(polled, `DescribeTelCdr of ${status}`).toMatchObject({ outcome: expected, eventId: pushed.get(id)!.eventId });
    }
  });

  it("an answered call: duplicated, reordered pushes are the same two events; each side's push yields the CDR's whole-call recording when the CDR has one", async () => {
    received.length = 0;
    const { carrierCallId } = await carrier.createCall(input("13712340212", 99));
    expect(await carrier.getCall(carrierCallId)).toEqual([]); // known to CCC, no result yet
    await new Promise((r) => setTimeout(r, 150));
    await settle();
    const events = received.flatMap((r) => r.events).filter((e) => e.carrierCallId === carrierCallId);
    expect(events.length).toBeGreaterThan(2); // duplicates arrived
    expect(events[0]!.type).toBe("recording.ready"); // the recording came before the call record
    expect([...new Set(events.map((e) => e.eventId))].sort()).toEqual([`ccc:cdr:${carrierCallId}`, `ccc:record:${carrierCallId}`]);
    const attempt = events.find((e) => e.type === "attempt.completed")!;
    expect(attempt).toMatchObject({ outcome: "answered", hangupBy: "bot", rounds: 1, callerId: "02150000000" });
    // Never one participant's side labelled as the call: every recording event is the CDR's whole-call RecordURL.
    const whole = fake.ccc.cdr(fake.ccc.sessions.get(carrierCallId)!).RecordURL.split("?")[0];
    for (const e of events.filter((e) => e.type === "recording.ready")) expect(e.type === "recording.ready" && e.url.split("?")[0]).toBe(whole);
    expect(attempt.type === "attempt.completed" && attempt.turns[0]).toMatchObject({ speaker: "ai", text: "您好，这里是静安店" });
  });

  it("a failing transcript fetch does not fail the push: the CDR is applied, the turns come later", async () => {
    received.length = 0;
    fake.failNext("DescribeAICallInteractionRecords", "InternalError", "InternalError"); // the CDR push and its duplicate
    const { carrierCallId } = await carrier.createCall(input("13712340244", 96));
    await new Promise((r) => setTimeout(r, 150));
    await settle();
    const mine = received.filter((r) => r.events.some((e) => e.carrierCallId === carrierCallId));
    expect(mine.every((r) => r.status === 200)).toBe(true);
    const attempts = mine.flatMap((r) => r.events).filter((e) => e.type === "attempt.completed");
    expect(attempts.some((e) => e.type === "attempt.completed" && e.transcriptPending && e.outcome === "answered")).toBe(true);
    expect((await carrier.fetchTurns(carrierCallId))![0]).toMatchObject({ speaker: "ai" });
  });

  it("findCallByClientRef finds a placement by callee and time among the CDRs; not yet / never otherwise", async () => {
    const placingAt = new Date(Date.now() - 1000);
    const { carrierCallId } = await carrier.createCall(input("13712340255", 95));
    await new Promise((r) => setTimeout(r, 150));
    expect(await carrier.findCallByClientRef("t:1", { callee: "13712340255", placingAt })).toEqual({ carrierCallId, callerId: "02150000000" });
    expect(await carrier.findCallByClientRef("t:1", { callee: "13712340266", placingAt })).toBe("notYet");
    expect(await carrier.findCallByClientRef("t:1", { callee: "13712340266", placingAt: new Date(Date.now() - 20 * 60_000) })).toBeNull();
  });

  it("cancelCall retries a rate-limited HangUpCall and throws when the vendor refuses it", async () => {
    const before = fake.requests.filter((r) => r.headers["x-tc-action"] === "HangUpCall").length;
    fake.failNext("HangUpCall", "RequestLimitExceeded");
    const { carrierCallId } = await carrier.createCall(input("13712340277", 94));
    await expect(carrier.cancelCall(carrierCallId)).resolves.toBeUndefined();
    expect(fake.requests.filter((r) => r.headers["x-tc-action"] === "HangUpCall").length - before).toBeGreaterThanOrEqual(2);
    fake.failNext("HangUpCall", "FailedOperation.PermissionDenied");
    const second = await carrier.createCall(input("13712340278", 93));
    await expect(carrier.cancelCall(second.carrierCallId)).rejects.toMatchObject({ code: "FailedOperation.PermissionDenied" });
  });

  it("an expired recording link answers 403 and refreshRecording gets a fresh one from the CDR", async () => {
    options.ccc.recordingTtlSeconds = 1;
    const { carrierCallId } = await carrier.createCall(input("13712340233", 98));
    await new Promise((r) => setTimeout(r, 150));
    await settle();
    options.ccc.recordingTtlSeconds = 3600;
    const stale = received.flatMap((r) => r.events).find((e) => e.carrierCallId === carrierCallId && e.type === "recording.ready")!;
    await new Promise((r) => setTimeout(r, 2100));
    expect(stale.type === "recording.ready" && (await fetch(stale.url)).status).toBe(403);
    const fresh = (await carrier.refreshRecording(carrierCallId))!;
    expect(fresh.eventId).toBe(stale.eventId);
    const res = await fetch(fresh.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
    expect(Date.parse(fresh.expiresAt)).toBeGreaterThan(Date.now() + 3000_000);
  });

  // The error list CreateAICall documents (创建单次智能体通话 / CreateAICall, https://cloud.tencent.com/document/api/679/115681).
  it.each([
    ["FailedOperation.CallOutFailed", "slowDown"],
    ["FailedOperation.CalleeIsBlackUser", "patientNotNow"],
    ["FailedOperation.CallerOverFrequency", "slowDown"],
    ["FailedOperation.CalloutRuleBlindArea", "patientNotNow"],
    ["FailedOperation.CalloutRuleMaxCallCountCalleeIntervalTime", "patientNotNow"],
    ["FailedOperation.CalloutRuleMaxCallCountCalleePerDayAppID", "patientNotNow"],
    ["FailedOperation.CalloutRuleNotWorkTime", "patientNotNow"],
    ["FailedOperation.NoCallOutNumber", "accountHold"],
    ["FailedOperation.PermissionDenied", "accountHold"],
    ["InvalidParameterValue", "ourBug"],
    ["InvalidParameterValue.InstanceNotExist", "accountHold"],
    ["LimitExceeded.BasePackageExpired", "accountHold"],
    ["FailedOperation.AIConcurrentNoPackage", "accountHold"],
    ["FailedOperation.AIConcurrentOverFrequency", "slowDown"],
    ["RequestLimitExceeded", "slowDown"],
  ])("CreateAICall answering %s is a refusal carrying that code (%s)", async (code, disposition) => {
    fake.failNext("CreateAICall", code);
    const error = await carrier.createCall(input("13712340001")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierRejected);
    expect((error as CarrierRejected).vendor).toEqual({ api: "ccc", code });
    expect(dispositionOf("ccc", (error as CarrierRejected).vendor!.code, 0)).toBe(disposition);
  });

  it("the fake refuses to answer a code Tencent does not document", () => {
    expect(() => fake.failNext("CreateAICall", "FailedOperation.InsufficientBalance")).toThrow(/not a documented/);
  });

  it("an internal error is not a refusal: whether the call was accepted is unknown", async () => {
    fake.failNext("CreateAICall", "InternalError");
    const error = await carrier.createCall(input("13712340001")).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(CarrierRejected);
  });

  it("refuses wrong keys, unknown ids, stale timestamps and altered bodies with the documented codes", async () => {
    const codeOf = (e: unknown) => (e instanceof CarrierRejected ? e.message.split(":")[0] : String(e));
    expect(codeOf(await new TencentCccCarrier(config({}, "wrong-key")).createCall(input("13712340001")).catch((e) => e))).toBe("AuthFailure.SignatureFailure");
    expect(codeOf(await new TencentCccCarrier(config({}, "x", "AKIDunknown")).createCall(input("13712340001")).catch((e) => e))).toBe("AuthFailure.SecretIdNotFound");
    fake.clockOffsetMs = 6 * 60_000;
    try {
      expect(codeOf(await carrier.createCall(input("13712340001")).catch((e) => e))).toBe("AuthFailure.SignatureExpire");
    } finally {
      fake.clockOffsetMs = 0;
    }
    await carrier.createCall(input("13712340002"));
    const signed = fake.requests.at(-1)!;
    const replay = (body: string) =>
      fetch(fake.url, { method: "POST", headers: Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k !== "content-length" && k !== "connection").map(([k, v]) => [k, String(v)])), body }).then((r) => r.json());
    const altered = signed.body.toString("utf8").replace("13712340002", "13712349999");
    expect((await replay(altered)).Response.Error.Code).toBe("AuthFailure.SignatureFailure");
    expect((await replay(signed.body.toString("utf8"))).Response.SessionId).toBeTruthy(); // the untouched bytes still verify
  });

  it("a push with the wrong basicAuth is refused (401), retried by the vendor, and yields no event", async () => {
    const real = carrier;
    const ours = new TencentCccCarrier(config({ pushPassword: "a-password-ccc-does-not-have" }));
    carrier = ours; // the receiver now expects other credentials than the fake sends
    try {
      received.length = 0;
      const { carrierCallId } = await real.createCall(input("13712340301", 97));
      await new Promise((r) => setTimeout(r, 150));
      await settle();
      const deliveries = fake.pusher.log.filter((l) => l.body.includes(carrierCallId));
      expect(deliveries.every((d) => d.status === 401)).toBe(true);
      expect(Math.max(...deliveries.map((d) => d.attempt))).toBe(3); // TCCC retries a refused push three times
      expect(received.flatMap((r) => r.events)).toEqual([]);
    } finally {
      carrier = real;
    }
    await expect(carrier.parseCallback(new Headers(), JSON.stringify({ SessionId: "x" }), new URL("http://x/?action=cdr"))).rejects.toBeInstanceOf(InvalidCallback);
  });

  it("fetches recordings only from Tencent COS and the configured endpoint (issue 23)", () => {
    // RecordURL sample of 电话录音数据推送: https://www.tencentcloud.com/document/product/1229/59642
    expect(carrier.servesRecordingsFrom(new URL("http://recorder-10018504.cos.ap-shanghai.myqcloud.com/def/month12/x.mp3"))).toBe(true);
    expect(carrier.servesRecordingsFrom(new URL(`http://${fake.endpoint}/recordings/x.mp3`))).toBe(true);
    for (const url of ["http://169.254.169.254/latest/meta-data/", "https://myqcloud.com.evil.example/x.mp3", "https://evil.example/?h=.cos.ap-shanghai.myqcloud.com", "file:///etc/passwd", "http://127.0.0.1:1/x.mp3"]) {
      expect(carrier.servesRecordingsFrom(new URL(url)), url).toBe(false);
    }
  });
});

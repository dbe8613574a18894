import { ccc } from "tencentcloud-sdk-nodejs/tencentcloud/services/ccc";
import { CarrierRejected, InvalidCallback, type CarrierEvent, type CarrierPort, type CreateCallInput, type RecordingReady, type Turn } from "@/server/ports/carrier";
import type { TencentClientOptions } from "@/server/adapters/tencent/tencent-settings";
import { buildAiCallRequest, type AiCallSettings } from "./ai-call-request";
import { cdrToEvents, extractionOf, recordPushToTrack, turnsFromInteraction, type CccCdr, type CccExtractElement, type CccRecordPush } from "./ccc-events";
import type { ExtractedAnswers } from "@/server/domain/vendor/ai-call-features";
import type { CallingAccount } from "@/server/domain/vendor/capacity-problems";
import { fromCccNumber, rejectionOfError, toCccNumber } from "./ccc-mapping";
import { dispositionOf } from "@/server/domain/vendor/vendor-errors";
import { verifyBasicAuth } from "./push-auth";

type CccClient = InstanceType<typeof ccc.v20200210.Client>;

export interface TencentCccConfig extends AiCallSettings {
  client: TencentClientOptions;
  pushUsername: string;
  pushPassword: string;
  now?: () => Date;
}

/**
 * Tencent's recording links are COS objects: RecordURL on `recorder-<n>.cos.<region>.myqcloud.com` and CustomRecordURL
 * in the customer's own COS bucket (`<bucket>.cos.<region>.myqcloud.com`) — 电话录音数据推送,
 * https://www.tencentcloud.com/document/product/1229/59642 (its sample RecordURL).
 */
const COS_HOST = /^[a-z0-9-]+\.cos\.[a-z0-9-]+\.myqcloud\.com$/;

/** How far back getCall / refreshRecording look for a session's CDR (DescribeTelCdr allows < 90 days a query). */
const LOOKBACK_SECONDS = 7 * 24 * 3600;
/**
 * A CreateAICall session lasts at most MaxCallDurationMs (5 min here) after a ring of at most MaxRingTimeoutSecond,
 * and its CDR is written when it ends; a session neither DescribeTelCdr nor DescribeTelSession knows is called lost
 * only after 30 minutes (docs/carrier.md), so a late CDR still closes it with its real outcome.
 */
const LOST_AFTER_MS = 30 * 60_000;
/** findCallByClientRef: how long after placingAt a missing CDR still means "maybe in progress". */
const CDR_SETTLES_MS = 10 * 60_000;
/** HangUpCall tries (a failed one is retried; a session already ended needs nothing). */
const HANGUP_TRIES = 3;

/**
 * Tencent Cloud CCC (云联络中心) behind our CarrierPort, through the official SDK:
 * createCall → CreateAICall (the SessionId is our carrierCallId); cancelCall → HangUpCall; results from the
 * call-record data push (`/api/carrier/webhook?action=cdr`, basicAuth) and from DescribeTelCdr for reconciliation;
 * the conversation from DescribeAICallInteractionRecords; a fresh recording link from the CDR.
 */
export class TencentCccCarrier implements CarrierPort {
  readonly lostAfterMs = LOST_AFTER_MS;
  readonly usesAiCallFeatures = true;
  private readonly client: CccClient;
  private readonly now: () => Date;

  constructor(private readonly config: TencentCccConfig) {
    this.client = new ccc.v20200210.Client(config.client);
    this.now = config.now ?? (() => new Date());
  }

  async createCall(input: CreateCallInput): Promise<{ carrierCallId: string; callerId: string }> {
    if (!/^1[3-9]\d{9}$/.test(input.callee)) throw new CarrierRejected("invalidNumber", `号码格式不正确: ${input.callee}`);
    let res;
    try {
      res = await this.client.CreateAICall(buildAiCallRequest(input, this.config));
    } catch (error) {
      throw asRejection(error);
    }
    if (!res.SessionId) throw new Error("CreateAICall answered without a SessionId");
    // The caller actually used is in the CDR; until then the first configured one stands in.
    return { carrierCallId: res.SessionId, callerId: this.config.callers[0] ?? "" };
  }

  /**
   * HangUpCall, retried when it was rate-limited or failed; a session that already ended (SessionNotExists /
   * ResourceNotFound) needs nothing. Anything else throws, so the caller can tell the operator the call may still run.
   */
  async cancelCall(carrierCallId: string): Promise<void> {
    let last: unknown;
    for (let i = 0; i < HANGUP_TRIES; i++) {
      try {
        await this.client.HangUpCall({ SdkAppId: this.config.sdkAppId, SessionId: carrierCallId });
        return;
      } catch (error) {
        const code = codeOf(error);
        if (code === "FailedOperation.SessionNotExists" || code?.startsWith("ResourceNotFound")) return;
        last = error;
        const d = code ? dispositionOf("ccc", code, 0) : "outcomeUnknown";
        if (d !== "slowDown" && d !== "outcomeUnknown") break;
        await new Promise((r) => setTimeout(r, 200 * 2 ** i));
      }
    }
    throw last instanceof Error ? last : new Error(String(last));
  }

  /**
   * CreateAICall has no user-data field (its request documents none: https://www.tencentcloud.com/document/product/1229/66755),
   * so a placement whose answer we lost is found among the CDRs (DescribeTelCdr, Phones.N filter: https://www.tencentcloud.com/document/api/1229/59764)
   * by callee and time. No CDR yet: "notYet" while the session could still be running, null once it cannot.
   */
  async findCallByClientRef(_clientRef: string, hint?: { callee: string; placingAt: Date }): Promise<{ carrierCallId: string; callerId: string } | null | "notYet"> {
    if (!hint) return "notYet";
    const from = Math.floor(hint.placingAt.getTime() / 1000) - 60;
    const end = Math.floor(this.now().getTime() / 1000);
    const callee = toCccNumber(hint.callee);
    const res = await this.client.DescribeTelCdr({ SdkAppId: this.config.sdkAppId, StartTimeStamp: from, EndTimeStamp: Math.max(end, from + 1), Phones: [callee], PageSize: 100, PageNumber: 0 });
    const cdrs = ((res.TelCdrList ?? res.TelCdrs ?? []) as CccCdr[]).filter(
      (c) => c.SessionId && (c.Callee === callee || c.Callee === hint.callee) && Number(c.Direction ?? 1) === 1 && (c.StartTimestamp ?? c.Time ?? 0) >= from,
    );
    cdrs.sort((a, b) => (a.StartTimestamp ?? a.Time ?? 0) - (b.StartTimestamp ?? b.Time ?? 0));
    const first = cdrs[0];
    if (first) return { carrierCallId: first.SessionId!, callerId: fromCccNumber(first.Caller) };
    return this.now().getTime() - hint.placingAt.getTime() < CDR_SETTLES_MS ? "notYet" : null;
  }

  async getCall(carrierCallId: string): Promise<CarrierEvent[] | null> {
    const cdr = await this.findCdr(carrierCallId);
    if (cdr) return this.eventsOf(cdr);
    try {
      const res = await this.client.DescribeTelSession({ SdkAppId: this.config.sdkAppId, SessionId: carrierCallId });
      return res.Session ? [] : null; // known and still going: no result yet
    } catch (error) {
      if (codeOf(error)?.startsWith("ResourceNotFound") || codeOf(error)?.startsWith("InvalidParameter")) return null;
      throw error;
    }
  }

  servesRecordingsFrom(url: URL): boolean {
    if (url.protocol !== "https:" && url.protocol !== "http:") return false;
    // The configured API endpoint is trusted configuration too: a proxy in front of CCC, or the test fake
    // (tests/fakes/tencent), which serves the recordings it links to.
    return COS_HOST.test(url.hostname) || url.host === this.config.client.profile.httpProfile.endpoint;
  }

  async refreshRecording(carrierCallId: string): Promise<RecordingReady | null> {
    const cdr = await this.findCdr(carrierCallId);
    if (!cdr) return null;
    const recording = cdrToEvents(cdr, { nowMs: this.now().getTime() }).find((e) => e.type === "recording.ready");
    return (recording as RecordingReady | undefined) ?? null;
  }

  async parseCallback(headers: Headers, rawBody: string, url?: URL): Promise<CarrierEvent[]> {
    verifyBasicAuth(headers, this.config.pushUsername, this.config.pushPassword);
    let payload: unknown;
    try {
      payload = JSON.parse(rawBody);
    } catch {
      throw new InvalidCallback("push body is not JSON", "payload");
    }
    const items = (Array.isArray(payload) ? payload : [payload]) as (CccCdr & CccRecordPush)[];
    const action = url?.searchParams.get("action");
    const events: CarrierEvent[] = [];
    for (const item of items) {
      if (!item || typeof item !== "object" || !item.SessionId) throw new InvalidCallback("push without SessionId", "payload");
      if (item.SdkAppId !== undefined && Number(item.SdkAppId) !== this.config.sdkAppId) throw new InvalidCallback("push for another SdkAppId", "payload");
      const isRecord = action === "record" || (action !== "cdr" && "EndpointUser" in item && !("Callee" in item));
      if (isRecord) {
        // CCC pushes one recording per participant (录音数据推送): never store one side as the call. The whole-call
        // recording is the CDR's RecordURL: taken from there when CCC already serves a CDR that has one. Otherwise
        // (no CDR yet, or a CDR without RecordURL) this side is kept as a track of its own — the push is the only
        // place its link is given — and 通话详情 plays the sides as tracks unless a whole-call recording arrives.
        const track = recordPushToTrack(item, { nowMs: this.now().getTime() });
        if (track) {
          const cdr = await this.findCdr(item.SessionId).catch(() => null);
          const whole = cdr ? cdrToEvents(cdr, { nowMs: this.now().getTime() }).filter((e) => e.type === "recording.ready") : [];
          events.push(...(whole.length ? whole : [track]));
        }
      } else if (action === "cdr" || !action) {
        if (Number(item.Direction ?? 1) === 1) events.push(...(await this.eventsOf(item)));
      }
      // Other actions (voicemail …) carry nothing we use.
    }
    return events;
  }

  private async findCdr(sessionId: string): Promise<CccCdr | null> {
    const end = Math.floor(this.now().getTime() / 1000);
    const res = await this.client.DescribeTelCdr({
      SdkAppId: this.config.sdkAppId,
      StartTimeStamp: end - LOOKBACK_SECONDS,
      EndTimeStamp: end,
      SessionIds: [sessionId],
      PageSize: 10,
      PageNumber: 0,
    });
    return ((res.TelCdrList ?? res.TelCdrs ?? []) as CccCdr[]).find((c) => c.SessionId === sessionId) ?? null;
  }

  /** A CDR with the conversation of an answered AI call (asked for only then: unanswered calls have none). */
  private async eventsOf(cdr: CccCdr): Promise<CarrierEvent[]> {
    const nowMs = this.now().getTime();
    const answered = Number(cdr.EndStatus) === 1 || cdr.EndStatusString === "ok";
    if (!answered || !cdr.SessionId) return cdrToEvents(cdr, { nowMs });
    const extraction = await this.extraction(cdr);
    let res;
    try {
      res = await this.client.DescribeAICallInteractionRecords({ SdkAppId: this.config.sdkAppId, SessionId: cdr.SessionId });
    } catch (error) {
      // The result must not wait for the conversation (a push answered 500 is retried 3 times, then dropped): the CDR is
      // applied now and the turns are fetched later by their own job (fetchTurns).
      console.warn(`[carrier] DescribeAICallInteractionRecords(${cdr.SessionId}) failed: ${codeOf(error) ?? (error as Error).message}; transcript later`);
      return cdrToEvents(cdr, { nowMs, transcriptPending: true, extraction });
    }
    return cdrToEvents(cdr, { nowMs, turns: turnsFromInteraction(res.InteractionEventList, cdr.AcceptTimestamp), extraction });
  }

  /**
   * DescribeAICallExtractResult (SdkAppId, SessionId, StartTime/EndTime around the session): what the vendor extracted
   * with the ExtractConfig we sent. Optional: a failure or an empty list leaves the analysis to the rules and the model.
   */
  private async extraction(cdr: CccCdr): Promise<ExtractedAnswers | null> {
    const start = (cdr.StartTimestamp || cdr.Time || Math.floor(this.now().getTime() / 1000)) - 60;
    const end = Math.max(start + 1, (cdr.EndedTimestamp || start) + 3600);
    try {
      const res = await this.client.DescribeAICallExtractResult({ SdkAppId: this.config.sdkAppId, SessionId: cdr.SessionId!, StartTime: start, EndTime: end });
      return extractionOf(res.ResultList as CccExtractElement[] | undefined);
    } catch (error) {
      console.warn(`[carrier] DescribeAICallExtractResult(${cdr.SessionId}) failed: ${codeOf(error) ?? (error as Error).message}; no extraction`);
      return null;
    }
  }

  /**
   * The capacity check: DescribeCCCBuyInfoList (https://www.tencentcloud.com/document/product/1229/59761: PackageBuyList
   * Type 0 外呼套餐包 | 1 400呼入套餐包, CapacitySize / CapacityRemain / EndTime; SdkAppIdBuyList StaffBuyNum) and
   * DescribeNumbers (NumberInfo: State 1 正常 | 2 欠费停用 | 4 管理员停用 | 5 违规停用, CostType 1 自携号码; fields as the
   * SDK's NumberInfo documents them, data types https://www.tencentcloud.com/document/api/1229/59800).
   */
  async describeAccount(): Promise<CallingAccount> {
    const buy = await this.client.DescribeCCCBuyInfoList({ SdkAppIds: [this.config.sdkAppId] });
    const app = (buy.SdkAppIdBuyList ?? []).find((a) => Number(a.SdkAppId) === this.config.sdkAppId);
    const numbers: CallingAccount["numbers"] = [];
    for (let page = 0; page < 20; page++) {
      const res = await this.client.DescribeNumbers({ SdkAppId: this.config.sdkAppId, PageNumber: page, PageSize: 100 });
      for (const n of res.Numbers ?? []) {
        if (n.Number) numbers.push({ number: n.Number, state: Number(n.State ?? 0), ownNumber: n.CostType === 1, outboundSkillGroups: n.CallOutSkillGroupIds?.length ?? 0 });
      }
      if ((res.Numbers ?? []).length < 100) break;
    }
    return {
      numbers,
      callers: this.config.callers,
      packages: (buy.PackageBuyList ?? []).map((p) => ({ id: p.PackageId, type: p.Type, capacity: p.CapacitySize, remaining: p.CapacityRemain, endsAt: p.EndTime })),
      seats: app?.StaffBuyNum ?? 0,
    };
  }

  /** The conversation of an answered session, for the transcript job (null: the vendor has none). */
  async fetchTurns(carrierCallId: string): Promise<Turn[] | null> {
    const cdr = await this.findCdr(carrierCallId);
    if (!cdr) return null;
    const res = await this.client.DescribeAICallInteractionRecords({ SdkAppId: this.config.sdkAppId, SessionId: carrierCallId });
    return turnsFromInteraction(res.InteractionEventList, cdr.AcceptTimestamp);
  }
}

const codeOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string" ? (error as { code: string }).code : undefined;

/**
 * CreateAICall's error → a refusal carrying the documented code (the dialer reads its disposition from
 * server/domain/vendor/vendor-errors.ts), or the error itself when the vendor may have placed the call anyway
 * (InternalError, network failure): reconciliation settles those by findCallByClientRef.
 */
function asRejection(error: unknown): Error {
  const code = codeOf(error);
  const reason = rejectionOfError(code);
  if (!code || !reason) return error instanceof Error ? error : new Error(String(error));
  if (code.startsWith("AuthFailure")) console.error(`[carrier] Tencent CCC refused our credentials (${code}): check TENCENT_SECRET_ID / TENCENT_SECRET_KEY`);
  return new CarrierRejected(reason, `${code}: ${(error as Error).message}`, { api: "ccc", code });
}

import { ccc } from "tencentcloud-sdk-nodejs/tencentcloud/services/ccc";
import { CarrierRejected, InvalidCallback, type CarrierEvent, type CarrierPort, type CreateCallInput, type RecordingReady } from "@/server/ports/carrier";
import type { TencentClientOptions } from "@/server/adapters/tencent/tencent-settings";
import { buildAiCallRequest, type AiCallSettings } from "./ai-call-request";
import { cdrToEvents, recordPushToEvent, turnsFromInteraction, type CccCdr, type CccRecordPush } from "./ccc-events";
import { rejectionOfError } from "./ccc-mapping";
import { verifyBasicAuth } from "./push-auth";

type CccClient = InstanceType<typeof ccc.v20200210.Client>;

export interface TencentCccConfig extends AiCallSettings {
  client: TencentClientOptions;
  pushUsername: string;
  pushPassword: string;
  now?: () => Date;
}

/** How far back getCall / refreshRecording look for a session's CDR (DescribeTelCdr allows < 90 days a query). */
const LOOKBACK_SECONDS = 7 * 24 * 3600;

/**
 * Tencent Cloud CCC (云联络中心) behind our CarrierPort, through the official SDK:
 * createCall → CreateAICall (the SessionId is our carrierCallId); cancelCall → HangUpCall; results from the
 * call-record data push (`/api/carrier/webhook?action=cdr`, basicAuth) and from DescribeTelCdr for reconciliation;
 * the conversation from DescribeAICallInteractionRecords; a fresh recording link from the CDR.
 */
export class TencentCccCarrier implements CarrierPort {
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

  async cancelCall(carrierCallId: string): Promise<void> {
    try {
      await this.client.HangUpCall({ SdkAppId: this.config.sdkAppId, SessionId: carrierCallId });
    } catch (error) {
      // A session that already ended cannot be hung up: nothing left to cancel.
      if (!codeOf(error)) throw error;
    }
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
        const e = recordPushToEvent(item, { nowMs: this.now().getTime() });
        // The recording push has no duration: the session's CDR has it, when CCC already serves it.
        if (e) events.push({ ...e, durationSeconds: await this.talkSecondsOf(e.carrierCallId) });
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

  private async talkSecondsOf(sessionId: string): Promise<number> {
    const cdr = await this.findCdr(sessionId).catch(() => null);
    return cdr?.AcceptTimestamp && cdr.EndedTimestamp ? Math.max(0, cdr.EndedTimestamp - cdr.AcceptTimestamp) : 0;
  }

  /** A CDR with the conversation of an answered AI call (asked for only then: unanswered calls have none). */
  private async eventsOf(cdr: CccCdr): Promise<CarrierEvent[]> {
    const nowMs = this.now().getTime();
    const answered = Number(cdr.EndStatus) === 1 || cdr.EndStatusString === "ok";
    if (!answered || !cdr.SessionId) return cdrToEvents(cdr, { nowMs });
    const res = await this.client.DescribeAICallInteractionRecords({ SdkAppId: this.config.sdkAppId, SessionId: cdr.SessionId });
    return cdrToEvents(cdr, { nowMs, turns: turnsFromInteraction(res.InteractionEventList, cdr.AcceptTimestamp) });
  }
}

const codeOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string" ? (error as { code: string }).code : undefined;

function asRejection(error: unknown): Error {
  const code = codeOf(error);
  const reason = rejectionOfError(code);
  if (!reason) return error instanceof Error ? error : new Error(String(error));
  if (code?.startsWith("AuthFailure")) console.error(`[carrier] Tencent CCC refused our credentials (${code}): check TENCENT_SECRET_ID / TENCENT_SECRET_KEY`);
  return new CarrierRejected(reason, `${code}: ${(error as Error).message}`);
}

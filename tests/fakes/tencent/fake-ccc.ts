import { createHmac, randomUUID } from "node:crypto";
import type { Pusher } from "./pusher";

/** Thrown by an action handler: answered as `{"Response":{"Error":{Code,Message}}}`, as the vendor does. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FakeCccOptions {
  sdkAppId: number;
  /** The push address registered in 数据推送 (without ?action=…) and its basicAuth account. */
  pushUrl?: string;
  pushAuth?: { username: string; password: string };
  /** How long a call lasts before its CDR exists (ms); answered calls take twice as long. */
  callMs?: number;
  /** Push each record twice and the recording before the CDR (at least once, unordered — on purpose). */
  duplicate?: boolean;
  reorder?: boolean;
  recordingTtlSeconds?: number;
  /** The links in pushes are already expired (as if the push was late); DescribeTelCdr still hands out fresh ones. */
  expiredPushLinks?: boolean;
}

interface Session {
  id: string;
  callee: string;
  caller: string;
  request: Record<string, unknown>;
  startedAt: number;
  endStatus: number | null;
  endedAt: number | null;
}

const END_NAMES: Record<number, string> = {
  1: "ok", 108: "restrictedCallee", 109: "tooManyRequest", 110: "restrictedArea", 111: "restrictedTime", 202: "notAnswer",
  203: "userReject", 204: "powerOff", 205: "numberNotExist", 206: "busy", 207: "outOfCredit", 208: "operatorError",
  209: "callerCancel", 210: "notInService", 211: "clientError", 212: "carrierBlocked", 213: "callReminder",
  215: "numberInvalid", 216: "callRestricted", 217: "calleeRestricted", 218: "areaRestricted", 219: "promptCallForwarding",
  220: "callerCancelWhileRing", 221: "callerCancelWithoutRing", 222: "voiceMailReached",
};

/** Deterministic by the callee's last two digits (the same shares as our simulator): half answer. */
export function endStatusFor(mobile: string): number {
  const d = Number(mobile.slice(-2));
  if (d < 50) return 1;
  if (d < 68) return 202;
  if (d < 75) return 206;
  if (d < 81) return 203;
  if (d < 87) return 204;
  if (d < 91) return 205;
  if (d < 94) return 210;
  return 208;
}

/** Tencent CCC's side of the actions our adapter uses, with the vendor's response shapes. */
export class FakeCcc {
  readonly sessions = new Map<string, Session>();
  /** Tests force an end status per callee (0086…, or the bare mobile). */
  readonly endStatusOverride = new Map<string, number>();
  private readonly recordingKey = randomUUID();

  constructor(
    private readonly opts: FakeCccOptions,
    private readonly pusher: Pusher,
    private readonly baseUrl: () => string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  handle(action: string, req: Record<string, unknown>): Record<string, unknown> {
    if (action !== "DescribeTelCdr" && Number(req.SdkAppId) !== this.opts.sdkAppId) throw new ApiError("InvalidParameterValue.InstanceNotExist", "SdkAppId does not exist");
    switch (action) {
      case "CreateAICall":
        return this.createAICall(req);
      case "HangUpCall":
        return this.hangUp(String(req.SessionId));
      case "DescribeTelSession":
        return this.describeSession(String(req.SessionId));
      case "DescribeTelCdr":
        return this.describeCdr(req);
      case "DescribeAICallInteractionRecords":
        return { InteractionEventList: this.interaction(String(req.SessionId)) };
      default:
        throw new ApiError("InvalidAction", `The action ${action} is not implemented by the fake`);
    }
  }

  private createAICall(req: Record<string, unknown>) {
    for (const k of ["Callee", "LLMType", "APIKey", "APIUrl"]) if (!req[k]) throw new ApiError("MissingParameter", `The request is missing a required parameter \`${k}\`.`);
    const callee = String(req.Callee);
    // 无效的号码 — InvalidParameter.InvalidPhoneNumber (https://cloud.tencent.com/document/api/679/47722)
    if (!/^(0086|\+86)?1\d{10}$/.test(callee)) throw new ApiError("InvalidParameter.InvalidPhoneNumber", "无效的号码");
    const id = randomUUID();
    const callers = (req.Callers as string[] | undefined) ?? [];
    const session: Session = { id, callee, caller: callers[0] ?? "02150000000", request: req, startedAt: this.nowMs(), endStatus: null, endedAt: null };
    this.sessions.set(id, session);
    const mobile = callee.replace(/^(0086|\+86)/, "");
    const status = this.endStatusOverride.get(callee) ?? this.endStatusOverride.get(mobile) ?? endStatusFor(mobile);
    const callMs = this.opts.callMs ?? 1000;
    setTimeout(() => this.finish(session, status), status === 1 ? callMs * 2 : callMs).unref();
    return { SessionId: id };
  }

  private hangUp(id: string) {
    const s = this.sessions.get(id);
    // 会话不存在 — FailedOperation.SessionNotExists (https://cloud.tencent.com/document/api/679/47722)
    if (!s || s.endedAt) throw new ApiError("FailedOperation.SessionNotExists", "会话不存在");
    this.finish(s, 209);
    return {};
  }

  private describeSession(id: string) {
    const s = this.sessions.get(id);
    if (!s) throw new ApiError("ResourceNotFound", "会话不存在");
    const sec = Math.floor(s.startedAt / 1000);
    return { Session: { SessionID: s.id, Caller: s.caller, Callee: s.callee, StartTimestamp: sec, Direction: 1, SessionStatus: s.endedAt ? "finished" : "ringing" } };
  }

  private describeCdr(req: Record<string, unknown>) {
    for (const k of ["StartTimeStamp", "EndTimeStamp", "SdkAppId", "PageSize"]) if (req[k] === undefined) throw new ApiError("MissingParameter", `The request is missing a required parameter \`${k}\`.`);
    if (Number(req.EndTimeStamp) - Number(req.StartTimeStamp) >= 90 * 86400) throw new ApiError("InvalidParameterValue", "时间范围不能超过90天");
    // SessionIds.N and Phones.N filters (https://www.tencentcloud.com/document/api/1229/59764); a CDR exists once the session ended.
    const ids = (req.SessionIds as string[] | undefined) ?? null;
    const phones = (req.Phones as string[] | undefined) ?? null;
    const from = Number(req.StartTimeStamp);
    const to = Number(req.EndTimeStamp);
    const list = [...this.sessions.values()]
      .filter((s) => s.endedAt && (!ids || ids.includes(s.id)) && (!phones || phones.includes(s.callee) || phones.includes(s.caller)))
      .filter((s) => s.startedAt / 1000 >= from - 1 && s.startedAt / 1000 <= to + 1)
      .map((s) => this.cdr(s));
    return { TotalCount: list.length, TelCdrList: list, TelCdrs: list };
  }

  /** Ends a session: its CDR now exists; the pushes go out (duplicated / reordered when configured). */
  finish(s: Session, status: number) {
    if (s.endedAt) return;
    s.endStatus = status;
    s.endedAt = this.nowMs();
    if (!this.opts.pushUrl) return;
    const auth = this.opts.pushAuth ? { authorization: `Basic ${Buffer.from(`${this.opts.pushAuth.username}:${this.opts.pushAuth.password}`).toString("base64")}` } : undefined;
    const ok = (b: unknown) => (b as { ErrCode?: number } | null)?.ErrCode === 0;
    const cdr = this.cdr(s, this.opts.expiredPushLinks);
    const pushes: { action: string; payload: unknown }[] = [{ action: "cdr", payload: cdr }];
    if (status === 1) {
      // 录音数据推送 is one push per participant, each with its own side's recording — not the whole call, which is the
      // CDR's RecordURL (电话 CDR 数据推送 / TelCdrInfo: https://www.tencentcloud.com/document/api/1229/59764).
      const record = { SdkAppId: this.opts.sdkAppId, RecordId: `${cdr.RecordId}-user`, SessionId: s.id, Timestamp: cdr.EndedTimestamp, EndpointUser: s.callee, RecordURL: this.recordingUrl(`${s.id}-user`, this.opts.expiredPushLinks) };
      const agentSide = { ...record, RecordId: `${cdr.RecordId}-agent`, EndpointUser: "ai-agent@example.com", RecordURL: this.recordingUrl(`${s.id}-agent`, this.opts.expiredPushLinks) };
      if (this.opts.reorder) pushes.unshift({ action: "record", payload: record });
      else pushes.push({ action: "record", payload: record });
      pushes.push({ action: "record", payload: agentSide });
    }
    pushes.forEach((p, i) => {
      const uuid = randomUUID();
      const url = `${this.opts.pushUrl}?action=${p.action}&version=1`;
      this.pusher.push(url, p.payload, { headers: auth, delayMs: i * 50, uuid, ok });
      if (this.opts.duplicate) this.pusher.push(url, p.payload, { headers: auth, delayMs: 400 + i * 50, uuid, ok });
    });
  }

  cdr(s: Session, expiredLink = false) {
    const started = Math.floor(s.startedAt / 1000);
    const ended = Math.max(started + 1, Math.floor((s.endedAt ?? this.nowMs()) / 1000));
    const answered = s.endStatus === 1;
    const accept = answered ? Math.max(started, ended - Math.max(1, Math.round((ended - started) / 2))) : 0;
    return {
      SdkAppId: this.opts.sdkAppId,
      SessionId: s.id,
      Caller: s.caller,
      Callee: s.callee,
      Direction: 1,
      CallType: 1,
      Time: started,
      StartTimestamp: started,
      RingTimestamp: started,
      AcceptTimestamp: accept,
      EndedTimestamp: ended,
      Duration: answered ? ended - accept : 0,
      EndStatus: s.endStatus ?? 0,
      EndStatusString: END_NAMES[s.endStatus ?? 0] ?? "unknown",
      HungUpSide: answered ? "seat" : "system",
      RecordId: answered ? `rec-${s.id}` : "",
      RecordURL: answered ? this.recordingUrl(s.id, expiredLink) : "",
      UUI: "",
    };
  }

  /** A COS-style signed link: q-sign-time=<start>;<end>, answering 403 after <end> or when tampered with. */
  recordingUrl(id: string, expired = false): string {
    const start = Math.floor(this.nowMs() / 1000) - (expired ? 7200 : 0);
    const end = start + (expired ? 3600 : (this.opts.recordingTtlSeconds ?? 3600));
    const sig = createHmac("sha1", this.recordingKey).update(`${id}:${end}`).digest("hex");
    return `${this.baseUrl()}/recordings/${id}.mp3?q-sign-algorithm=sha1&q-sign-time=${start};${end}&q-signature=${sig}`;
  }

  /** 200 | 403 (expired / bad signature) | 404 (no such recording). */
  recordingStatus(id: string, query: URLSearchParams): 200 | 403 | 404 {
    const s = this.sessions.get(id.replace(/-(user|agent)$/, ""));
    if (!s || s.endStatus !== 1) return 404;
    const end = Number(query.get("q-sign-time")?.split(";")[1]);
    const sig = createHmac("sha1", this.recordingKey).update(`${id}:${end}`).digest("hex");
    if (query.get("q-signature") !== sig || !(end * 1000 > this.nowMs())) return 403;
    return 200;
  }

  private interaction(id: string) {
    const s = this.sessions.get(id);
    if (!s) throw new ApiError("ResourceNotFound", "会话不存在");
    if (s.endStatus !== 1) return [];
    const cdr = this.cdr(s);
    const t = cdr.AcceptTimestamp * 1000;
    const welcome = String(s.request.WelcomeMessage ?? "您好");
    return [
      { RoundId: `${id}-1`, RoundIndex: 1, Tags: "", Messages: [{ Timestamp: t + 300, AISpeak: { SpokenText: welcome, SpokenType: "Script" } }, { Timestamp: t + 4000, UserReply: { ASRTranscript: "好的，我知道了，到时候我会过去的。" } }] },
      { RoundId: `${id}-2`, RoundIndex: 2, Tags: "", Messages: [{ Timestamp: t + 5000, AISpeak: { SpokenText: "好的，那我们到时候见，祝您生活愉快，再见。", SpokenType: "LLMFallback" } }] },
    ];
  }
}

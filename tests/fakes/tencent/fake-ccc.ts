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
  /**
   * false: the CDR carries no whole-call recording (RecordURL empty, as when the app records per participant only), so
   * the per-participant record pushes (录音数据推送) are the only recordings. Default true.
   */
  wholeCallRecording?: boolean;
  /**
   * The account as DescribeCCCBuyInfoList (https://www.tencentcloud.com/document/product/1229/59761) and DescribeNumbers
   * (NumberInfo: Number, CallOutSkillGroupIds, State 1 正常 | 2 欠费停用 | 4 管理员停用 | 5 违规停用, CostType 0 | 1 自携)
   * describe it. Default: one own number in service, 10 seats, an outbound package good for a year.
   */
  account?: {
    numbers?: { Number: string; State: number; CostType: number; CallOutSkillGroupIds?: number[] }[];
    staffBuyNum?: number;
    /** PackageBuyInfo: Type 0 外呼套餐包 | 1 400呼入套餐包; EndTime unix seconds. */
    packages?: { PackageId: string; Type: number; CapacitySize: number; CapacityRemain: number; EndTime: number }[];
  };
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

/**
 * CreateAICall's call features as its request documents them (CreateAICall 创建单次智能体通话:
 * https://cloud.tencent.com/document/api/679/115681, the fields of the SDK's CreateAICallRequest):
 * - EnableVoicemailDetection 是否开启语音信箱识别; VoicemailAction 识别到语音信箱时的行为, "0: 挂断电话（默认）" (the only
 *   documented value) — the session then ends with EndStatus 222 voiceMailReached "语音信箱挂断" (TelCdrInfo.EndStatus).
 * - AcquireTimeoutSecond 智能体并发不足时排队等待超时时间, 取值范围 [0, 5], 默认 5.
 * - NotifyDuration 用户多久没说话提示时长, 最小10秒; NotifyMessage; NotifyMaxCount; MaxDuration 最大等待时长(毫秒).
 * - MaxRingTimeoutSecond 最大振铃时长, 仅自携号码支持.
 * - TransferFunctionEnable / TransferItems (AITransferItem: TransferFunctionName, TransferFunctionDesc,
 *   TransferSkillGroupId 转人工的技能组ID); the seat that takes it shows in the CDR's SkillGroup / SkillGroupId /
 *   SeatUser (TelCdrInfo, DescribeTelCdr https://www.tencentcloud.com/document/api/1229/59764).
 * - ExtractConfig (AICallExtractConfigElement: InfoType Text | Selector | Boolean | Number, InfoName 不可重复,
 *   InfoContent, Examples, Choices for Selector); DescribeAICallExtractResult (SdkAppId, SessionId, StartTime, EndTime)
 *   answers ResultList of AICallExtractResultElement {InfoType, InfoName, InfoContent, Result {Text | Chosen | Boolean |
 *   Number}} (DescribeAICallExtractResult: https://www.tencentcloud.com/document/api/1229/68004; the element types:
 *   https://www.tencentcloud.com/document/api/1229/59800).
 * - Variables 通用变量 (Key/Value: 提示词变量, 欢迎语变量).
 * - EnableComplianceAudio 合规提示音, Boolean, default true.
 * A value outside the documented range is answered InvalidParameterValue (CreateAICall's error list, vendor-errors.ts).
 */
const EXTRACT_TYPES = ["Text", "Selector", "Boolean", "Number"];

function checkFeatures(req: Record<string, unknown>) {
  const bad = (why: string) => new ApiError("InvalidParameterValue", why);
  if (req.AcquireTimeoutSecond !== undefined && !(Number(req.AcquireTimeoutSecond) >= 0 && Number(req.AcquireTimeoutSecond) <= 5)) throw bad("AcquireTimeoutSecond 取值范围 [0, 5]");
  if (req.NotifyDuration !== undefined && !(Number(req.NotifyDuration) >= 10)) throw bad("NotifyDuration 最小10秒");
  if (req.VoicemailAction !== undefined && Number(req.VoicemailAction) !== 0) throw bad("VoicemailAction 仅支持 0");
  if (req.EnableComplianceAudio !== undefined && typeof req.EnableComplianceAudio !== "boolean") throw bad("EnableComplianceAudio 为 Boolean");
  if (req.TransferFunctionEnable === true) {
    const items = (req.TransferItems as Record<string, unknown>[] | undefined) ?? [];
    if (!items.length || items.some((i) => !i.TransferFunctionName || !i.TransferFunctionDesc || !Number.isInteger(i.TransferSkillGroupId))) throw bad("TransferItems 需要 TransferFunctionName / TransferFunctionDesc / TransferSkillGroupId");
  }
  const extract = (req.ExtractConfig as Record<string, unknown>[] | undefined) ?? [];
  const names = extract.map((e) => String(e.InfoName ?? ""));
  if (names.some((n) => !n) || new Set(names).size !== names.length) throw bad("ExtractConfig InfoName 必填且不可重复");
  if (extract.some((e) => !EXTRACT_TYPES.includes(String(e.InfoType)) || (e.InfoType === "Selector" && !(e.Choices as unknown[] | undefined)?.length))) throw bad("ExtractConfig InfoType 取值 Text / Selector / Boolean / Number");
  for (const v of (req.Variables as Record<string, unknown>[] | undefined) ?? []) if (typeof v.Key !== "string" || typeof v.Value !== "string") throw bad("Variables 需要 Key / Value");
}

/** What a callee's phone is, for the features: a voicemail box, or a patient who asks for a person. */
export type CalleeBehaviour = "voicemail" | "asksForPerson" | "asksForPersonNobodyAnswers";

/** Tencent CCC's side of the actions our adapter uses, with the vendor's response shapes. */
export class FakeCcc {
  readonly sessions = new Map<string, Session>();
  /** Tests force an end status per callee (0086…, or the bare mobile). */
  readonly endStatusOverride = new Map<string, number>();
  /** Tests give a callee a behaviour (bare mobile): what detection / transfer then do follows the request's features. */
  readonly behaviour = new Map<string, CalleeBehaviour>();
  /** Tests set what DescribeAICallExtractResult answers per InfoName for a callee (bare mobile). */
  readonly extractAnswers = new Map<string, Record<string, { Text?: string; Boolean?: boolean; Chosen?: string[]; Number?: number }>>();
  private readonly recordingKey = randomUUID();

  constructor(
    private readonly opts: FakeCccOptions,
    private readonly pusher: Pusher,
    private readonly baseUrl: () => string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  handle(action: string, req: Record<string, unknown>): Record<string, unknown> {
    if (action !== "DescribeTelCdr" && action !== "DescribeCCCBuyInfoList" && Number(req.SdkAppId) !== this.opts.sdkAppId) throw new ApiError("InvalidParameterValue.InstanceNotExist", "SdkAppId does not exist");
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
      case "DescribeAICallExtractResult":
        return { ResultList: this.extractResult(req) };
      case "DescribeCCCBuyInfoList":
        return this.buyInfo();
      case "DescribeNumbers": {
        const all = this.opts.account?.numbers ?? [{ Number: "008602150000000", State: 1, CostType: 1, CallOutSkillGroupIds: [1] }];
        const size = Number(req.PageSize ?? 20);
        const page = Number(req.PageNumber ?? 0);
        return { TotalCount: all.length, Numbers: all.slice(page * size, page * size + size) };
      }
      default:
        throw new ApiError("InvalidAction", `The action ${action} is not implemented by the fake`);
    }
  }

  private createAICall(req: Record<string, unknown>) {
    for (const k of ["Callee", "LLMType", "APIKey", "APIUrl"]) if (!req[k]) throw new ApiError("MissingParameter", `The request is missing a required parameter \`${k}\`.`);
    const callee = String(req.Callee);
    // 无效的号码 — InvalidParameter.InvalidPhoneNumber (https://cloud.tencent.com/document/api/679/47722)
    if (!/^(0086|\+86)?1\d{10}$/.test(callee)) throw new ApiError("InvalidParameter.InvalidPhoneNumber", "无效的号码");
    checkFeatures(req);
    const id = randomUUID();
    const callers = (req.Callers as string[] | undefined) ?? [];
    const session: Session = { id, callee, caller: callers[0] ?? "02150000000", request: req, startedAt: this.nowMs(), endStatus: null, endedAt: null };
    this.sessions.set(id, session);
    const mobile = callee.replace(/^(0086|\+86)/, "");
    const behaviour = this.behaviour.get(mobile);
    // A voicemail box answers; with detection on, CCC hangs up and ends the session as 222 voiceMailReached.
    const detected = behaviour === "voicemail" && req.EnableVoicemailDetection === true;
    const status = this.endStatusOverride.get(callee) ?? this.endStatusOverride.get(mobile) ?? (detected ? 222 : behaviour ? 1 : endStatusFor(mobile));
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
      // reorder: both participants' recordings arrive before the CDR.
      if (this.opts.reorder) pushes.unshift({ action: "record", payload: record }, { action: "record", payload: agentSide });
      else pushes.push({ action: "record", payload: record }, { action: "record", payload: agentSide });
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
    const transfer = answered ? this.transferOf(s) : null;
    // The 转人工 leg is one ServeParticipants element (电话 CDR 数据推送: "服务参与者列表 … 如:电话转接等信息"; fields of
    // ServeParticipant): it rings the front desk's seat a few seconds before the end; AcceptTimestamp 接听时间戳 is set
    // only when the seat answered (else 0, and no SeatUser — nobody served the call). EndStatusString ok / seatGiveUp
    // 座席未接: the enum of https://cloud.tencent.com/document/product/679/67259; the fields: the SDK's ServeParticipant.
    const leg = transfer
      ? {
          Type: "staffSeat",
          Sequence: 0,
          Mail: "frontdesk@example.com",
          SkillGroupId: transfer.TransferSkillGroupId,
          SkillGroupName: `技能组${transfer.TransferSkillGroupId}`,
          StartTimestamp: Math.max(accept, ended - 3),
          RingTimestamp: Math.max(accept, ended - 3),
          AcceptTimestamp: transfer.answered ? Math.max(accept, ended - 2) : 0,
          EndedTimestamp: ended,
          EndStatusString: transfer.answered ? "ok" : "seatGiveUp",
        }
      : null;
    return {
      ...(transfer?.answered ? { SkillGroupId: transfer.TransferSkillGroupId, SkillGroup: `技能组${transfer.TransferSkillGroupId}`, SeatUser: { Name: "前台小王", Mail: "frontdesk@example.com", StaffNumber: "1001", UserId: "frontdesk@example.com" } } : {}),
      ...(leg ? { ServeParticipants: [leg] } : {}),
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
      RecordURL: answered && this.opts.wholeCallRecording !== false ? this.recordingUrl(s.id, expiredLink) : "",
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

  private buyInfo() {
    const now = Math.floor(this.nowMs() / 1000);
    const packages = this.opts.account?.packages ?? [{ PackageId: "pkg-1", Type: 0, CapacitySize: 100000, CapacityRemain: 90000, EndTime: now + 365 * 86400 }];
    const numbers = this.opts.account?.numbers ?? [{ Number: "008602150000000", State: 1, CostType: 1 }];
    return {
      TotalCount: 1,
      SdkAppIdBuyList: [
        {
          SdkAppId: this.opts.sdkAppId,
          Name: "fake",
          StaffBuyNum: this.opts.account?.staffBuyNum ?? 10,
          StaffBuyList: [],
          PhoneNumBuyList: numbers.map((n) => ({ PhoneNum: n.Number, Type: 2, CallType: 2, BuyTime: now - 86400, EndTime: now + 365 * 86400, State: n.State })),
          SipBuyNum: 0,
        },
      ],
      PackageBuyList: packages.map((p) => ({ ...p, BuyTime: now - 86400 })),
    };
  }

  /** The patient asked for a person and the request enabled 转人工: the first TransferItems' skill group took the call. */
  private transferOf(s: Session): { TransferSkillGroupId: number; answered: boolean } | null {
    const b = this.behaviour.get(s.callee.replace(/^(0086|\+86)/, ""));
    if ((b !== "asksForPerson" && b !== "asksForPersonNobodyAnswers") || s.request.TransferFunctionEnable !== true) return null;
    const item = ((s.request.TransferItems as { TransferSkillGroupId: number }[] | undefined) ?? [])[0];
    return item ? { TransferSkillGroupId: item.TransferSkillGroupId, answered: b === "asksForPerson" } : null;
  }

  /** The ExtractConfig of the session filled in: the test's answers per InfoName, else an empty result of each type. */
  private extractResult(req: Record<string, unknown>) {
    for (const k of ["SessionId", "StartTime", "EndTime"]) if (req[k] === undefined) throw new ApiError("MissingParameter", `The request is missing a required parameter \`${k}\`.`);
    const s = this.sessions.get(String(req.SessionId));
    if (!s) throw new ApiError("ResourceNotFound", "会话不存在");
    if (s.endStatus !== 1) return [];
    const answers = this.extractAnswers.get(s.callee.replace(/^(0086|\+86)/, "")) ?? {};
    const config = (s.request.ExtractConfig as { InfoType: string; InfoName: string; InfoContent?: string }[] | undefined) ?? [];
    return config.map((c) => ({ InfoType: c.InfoType, InfoName: c.InfoName, InfoContent: c.InfoContent ?? "", Result: answers[c.InfoName] ?? {} }));
  }

  private interaction(id: string) {
    const s = this.sessions.get(id);
    if (!s) throw new ApiError("ResourceNotFound", "会话不存在");
    if (s.endStatus !== 1) return [];
    const cdr = this.cdr(s);
    const t = cdr.AcceptTimestamp * 1000;
    const welcome = String(s.request.WelcomeMessage ?? "您好");
    const behaviour = this.behaviour.get(s.callee.replace(/^(0086|\+86)/, ""));
    if (behaviour === "voicemail") {
      // No detection asked for: the bot talks to the voicemail greeting (our classifier reads it as 语音信箱).
      return [{ RoundId: `${id}-1`, RoundIndex: 1, Tags: "", Messages: [{ Timestamp: t + 300, AISpeak: { SpokenText: welcome, SpokenType: "Script" } }, { Timestamp: t + 2000, UserReply: { ASRTranscript: "您拨打的用户暂时无法接听，请在提示音后留言。" } }] }];
    }
    if ((behaviour === "asksForPerson" || behaviour === "asksForPersonNobodyAnswers") && this.transferOf(s)) {
      return [{ RoundId: `${id}-1`, RoundIndex: 1, Tags: "", Messages: [{ Timestamp: t + 300, AISpeak: { SpokenText: welcome, SpokenType: "Script" } }, { Timestamp: t + 3000, UserReply: { ASRTranscript: "我想直接跟前台说，帮我转人工吧。" } }, { Timestamp: t + 4000, AISpeak: { SpokenText: "好的，马上为您转接诊所前台，请稍候。", SpokenType: "TransferWaitingPrompt" } }] }];
    }
    return [
      { RoundId: `${id}-1`, RoundIndex: 1, Tags: "", Messages: [{ Timestamp: t + 300, AISpeak: { SpokenText: welcome, SpokenType: "Script" } }, { Timestamp: t + 4000, UserReply: { ASRTranscript: "好的，我知道了，到时候我会过去的。" } }] },
      { RoundId: `${id}-2`, RoundIndex: 2, Tags: "", Messages: [{ Timestamp: t + 5000, AISpeak: { SpokenText: "好的，那我们到时候见，祝您生活愉快，再见。", SpokenType: "LLMFallback" } }] },
    ];
  }
}

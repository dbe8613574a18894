/**
 * Every documented Tencent Cloud error code the product can meet → what the dialer (or the SMS sender) does about it.
 * One table, one row per code, each citing the page that documents it. The local fake (tests/fakes/tencent) answers
 * with the codes of this table only, so a test can disagree with an adapter.
 *
 * Sources (read 2026-12):
 * - CCC_ERRORS  云联络中心 错误码 (公共错误码 + 业务错误码): https://cloud.tencent.com/document/api/679/47722
 *               (English: https://www.tencentcloud.com/document/api/1229/59801)
 * - CCC_AI_CALL 创建单次智能体通话 CreateAIAgentCall — the error list it shares with CreateAICall:
 *               https://cloud.tencent.com/document/api/679/115681 · CreateAICall https://www.tencentcloud.com/document/product/1229/66755
 * - SMS_ERRORS  短信 API 2021-01-11 错误码: https://cloud.tencent.com/document/api/382/52075
 * - SMS_SEND    短信 API 3.0 发送错误码 (SendStatus.Code of SendSms): https://cloud.tencent.com/document/api/382/59177
 */

export const DOC = {
  CCC_ERRORS: "https://cloud.tencent.com/document/api/679/47722",
  CCC_AI_CALL: "https://cloud.tencent.com/document/api/679/115681",
  SMS_ERRORS: "https://cloud.tencent.com/document/api/382/52075",
  SMS_SEND: "https://cloud.tencent.com/document/api/382/59177",
} as const;

/**
 * What a refusal means for us:
 * - `patientNotNow`: this patient cannot be called now (vendor blacklist, per-callee rules, blind area). The task waits
 *   `retryAfterMin` (null = never: intercepted for good) and is intercepted after its redial cap.
 * - `badNumber`: this patient's number is bad — the task fails.
 * - `accountHold`: the account cannot call (balance, package, numbers, permission, instance, keys). The company's calling
 *   is held: nothing more is claimed for it until a probe call succeeds or an admin presses 重试.
 * - `slowDown`: rate or concurrency — back off with a growing delay, capped.
 * - `ourBug`: our request is wrong — the task fails with the code shown and an alert is logged.
 * - `outcomeUnknown`: the vendor may or may not have acted (internal error): reconciliation settles it by client reference.
 * - `unclassified`: documented but too vague to act on alone; counted like an unknown code (see UNKNOWN_CODE_HOLD_AFTER).
 */
export type VendorDisposition = "patientNotNow" | "badNumber" | "accountHold" | "slowDown" | "ourBug" | "outcomeUnknown" | "unclassified";

export interface VendorErrorRow {
  disposition: VendorDisposition;
  /** zh-CN / en words for the reason shown to the user. */
  zh: string;
  en: string;
  /** accountHold: what to do in the Tencent console. */
  fixZh?: string;
  fixEn?: string;
  /** patientNotNow: when to try the patient again (null = never). */
  retryAfterMin?: number | null;
  doc: string;
}

const row = (disposition: VendorDisposition, zh: string, en: string, doc: string, extra: Partial<VendorErrorRow> = {}): VendorErrorRow => ({
  disposition,
  zh,
  en,
  doc,
  ...extra,
});

const KEYS_FIX = { fixZh: "在服务器环境变量中检查 TENCENT_SECRET_ID / TENCENT_SECRET_KEY（访问管理 → API密钥管理）", fixEn: "Check TENCENT_SECRET_ID / TENCENT_SECRET_KEY (CAM → API keys)" };
const CCC_PACKAGE_FIX = { fixZh: "在云联络中心控制台 → 费用中心购买或续费套餐包（语音智能体通话套餐、高级版座席）", fixEn: "Buy or renew the package in the CCC console (AI call package, advanced seats)" };

/** CreateAICall / HangUpCall / Describe* of 云联络中心 (CCC). */
export const CCC_ERRORS: Readonly<Record<string, VendorErrorRow>> = {
  // 业务错误码 listed for CreateAICall / CreateAIAgentCall (CCC_AI_CALL)
  "FailedOperation.CalleeIsBlackUser": row("patientNotNow", "腾讯云判定为高风险号码，请勿呼叫", "Vendor marks the number high-risk: do not call", DOC.CCC_AI_CALL, { retryAfterMin: null }),
  "FailedOperation.CalloutRuleBlindArea": row("patientNotNow", "腾讯云外呼规则：号码在呼叫盲区", "Vendor rule: number in a blind area", DOC.CCC_AI_CALL, { retryAfterMin: null }),
  "FailedOperation.CalloutRuleMaxCallCountCalleeIntervalTime": row("patientNotNow", "腾讯云外呼规则：该号码一段时间内呼叫次数已满", "Vendor rule: too many calls to this number in the period", DOC.CCC_AI_CALL, { retryAfterMin: 60 }),
  "FailedOperation.CalloutRuleMaxCallCountCalleePerDayAppID": row("patientNotNow", "腾讯云外呼规则：该号码今日呼叫次数已满", "Vendor rule: daily calls to this number used up", DOC.CCC_AI_CALL, { retryAfterMin: 24 * 60 }),
  "FailedOperation.CalloutRuleNotWorkTime": row("patientNotNow", "腾讯云外呼规则：不在可外呼时间", "Vendor rule: outside the vendor's calling hours", DOC.CCC_AI_CALL, { retryAfterMin: 60 }),
  "FailedOperation.CalleeIsLimited": row("patientNotNow", "被叫号码外呼受限", "Callee restricted for outbound calls", DOC.CCC_ERRORS, { retryAfterMin: 24 * 60 }),
  "FailedOperation.CallerOverFrequency": row("slowDown", "主叫号码外呼超频，稍后重试", "Caller number over its frequency, retrying later", DOC.CCC_AI_CALL),
  "FailedOperation.CallOutFailed": row("slowDown", "外呼失败，稍后重试", "Call-out failed, retrying later", DOC.CCC_AI_CALL),
  "FailedOperation.NoCallOutNumber": row("accountHold", "没有可用的外呼号码", "No number available for outbound calls", DOC.CCC_AI_CALL, {
    fixZh: "在云联络中心控制台 → 号码管理确认有已审核通过、可外呼的自有号码，并配置到 TENCENT_CCC_CALLERS",
    fixEn: "In the CCC console → numbers, make sure an approved own number allows outbound calls and is in TENCENT_CCC_CALLERS",
  }),
  "FailedOperation.PermissionDenied": row("accountHold", "腾讯云账号权限不足", "Permission denied by the vendor", DOC.CCC_AI_CALL, {
    fixZh: "在访问管理中为 API 密钥授予云联络中心（QcloudCCCFullAccess）权限，并确认已开通高级版座席",
    fixEn: "Grant the API key CCC access (QcloudCCCFullAccess) and make sure advanced seats are enabled",
  }),
  "InvalidParameterValue.InstanceNotExist": row("accountHold", "云联络中心应用不存在", "CCC application does not exist", DOC.CCC_AI_CALL, {
    fixZh: "检查 TENCENT_CCC_SDK_APP_ID 是否为云联络中心控制台中的应用 ID", fixEn: "Check TENCENT_CCC_SDK_APP_ID against the CCC console",
  }),
  "InvalidParameter.InstanceNotExist": row("accountHold", "云联络中心应用不存在", "CCC application does not exist", DOC.CCC_ERRORS, {
    fixZh: "检查 TENCENT_CCC_SDK_APP_ID 是否为云联络中心控制台中的应用 ID", fixEn: "Check TENCENT_CCC_SDK_APP_ID against the CCC console",
  }),
  "LimitExceeded.BasePackageExpired": row("accountHold", "云联络中心套餐包已耗尽或过期", "CCC package used up or expired", DOC.CCC_AI_CALL, CCC_PACKAGE_FIX),
  "InternalError": row("outcomeUnknown", "腾讯云内部错误", "Vendor internal error", DOC.CCC_AI_CALL),
  "InvalidParameterValue": row("ourBug", "请求参数取值错误", "Invalid parameter value in our request", DOC.CCC_AI_CALL),
  // 业务错误码 of the product (CCC_ERRORS)
  "FailedOperation.AIConcurrentNoPackage": row("accountHold", "没有可用的 AI 并发许可", "No AI concurrency licence", DOC.CCC_ERRORS, CCC_PACKAGE_FIX),
  "FailedOperation.AIConcurrentOverFrequency": row("slowDown", "AI 并发已满，稍后重试", "AI concurrency full, retrying later", DOC.CCC_ERRORS),
  "FailedOperation.SeatStatusBusy": row("slowDown", "座席忙碌，稍后重试", "Seat busy, retrying later", DOC.CCC_ERRORS),
  "FailedOperation.SessionNotExists": row("ourBug", "会话不存在", "Session does not exist", DOC.CCC_ERRORS),
  "InternalError.DBError": row("outcomeUnknown", "腾讯云内部数据库错误", "Vendor database error", DOC.CCC_ERRORS),
  "InvalidParameter.IllegalPhoneNumber": row("badNumber", "号码不合法", "Illegal phone number", DOC.CCC_ERRORS),
  "InvalidParameter.InvalidPhoneNumber": row("badNumber", "号码无效", "Invalid phone number", DOC.CCC_ERRORS),
  "InvalidParameterValue.PhoneNumInvalid": row("accountHold", "主叫号码状态无效", "Caller number status invalid", DOC.CCC_ERRORS, {
    fixZh: "在云联络中心控制台 → 号码管理检查 TENCENT_CCC_CALLERS 中号码的状态", fixEn: "Check the state of the TENCENT_CCC_CALLERS numbers in the CCC console",
  }),
  "InvalidParameterValue.ExperienceAccount": row("accountHold", "体验账号的智能体不支持此操作", "Trial account cannot do this", DOC.CCC_ERRORS, CCC_PACKAGE_FIX),
  "InvalidParameterValue.RecordNotExist": row("ourBug", "查询记录不存在", "Record does not exist", DOC.CCC_ERRORS),
  "LimitExceeded.OutOfCountLimit": row("slowDown", "超出数量限制，稍后重试", "Count limit exceeded, retrying later", DOC.CCC_ERRORS),
  "OperationDenied.UinDisabled": row("accountHold", "腾讯云账号已被禁用", "Tencent Cloud account disabled", DOC.CCC_ERRORS, {
    fixZh: "腾讯云账号被禁用（常见原因：欠费、违规），请在腾讯云控制台处理后点重试", fixEn: "The account is disabled (arrears or a violation); resolve it in the console, then press retry",
  }),
  "OperationDenied.NotInWhiteList": row("accountHold", "不在腾讯云白名单中", "Not on the vendor's allow-list", DOC.CCC_ERRORS, { fixZh: "联系腾讯云开通该功能的白名单", fixEn: "Ask Tencent Cloud to allow-list the feature" }),
  "UnsupportedOperation": row("ourBug", "操作不支持", "Operation not supported", DOC.CCC_ERRORS),
  // 公共错误码 (CCC_ERRORS)
  "ActionOffline": row("ourBug", "接口已下线", "API action retired", DOC.CCC_ERRORS),
  "AuthFailure.InvalidAuthorization": row("ourBug", "请求签名头不符合规范", "Malformed Authorization header", DOC.CCC_ERRORS),
  "AuthFailure.InvalidSecretId": row("accountHold", "API 密钥非法", "Invalid API key", DOC.CCC_ERRORS, KEYS_FIX),
  "AuthFailure.MFAFailure": row("accountHold", "MFA 校验失败", "MFA failed", DOC.CCC_ERRORS, KEYS_FIX),
  "AuthFailure.SecretIdNotFound": row("accountHold", "API 密钥不存在或已禁用", "API key missing or disabled", DOC.CCC_ERRORS, KEYS_FIX),
  "AuthFailure.SignatureExpire": row("accountHold", "签名过期：服务器时间与标准时间相差超过5分钟", "Signature expired: server clock off by more than 5 minutes", DOC.CCC_ERRORS, {
    fixZh: "校准服务器时间（NTP）", fixEn: "Synchronise the server clock (NTP)",
  }),
  "AuthFailure.SignatureFailure": row("accountHold", "签名错误：API 密钥不匹配", "Signature failure: the API key does not match", DOC.CCC_ERRORS, KEYS_FIX),
  "AuthFailure.TokenFailure": row("accountHold", "临时凭证错误", "Token failure", DOC.CCC_ERRORS, KEYS_FIX),
  "AuthFailure.UnauthorizedOperation": row("accountHold", "API 密钥未获授权", "API key not authorised", DOC.CCC_ERRORS, {
    fixZh: "在访问管理中为 API 密钥授予云联络中心权限", fixEn: "Grant the API key CCC permissions in CAM",
  }),
  "DryRunOperation": row("ourBug", "DryRun 请求", "DryRun request", DOC.CCC_ERRORS),
  "FailedOperation": row("unclassified", "腾讯云操作失败", "Vendor operation failed", DOC.CCC_ERRORS),
  "InvalidAction": row("ourBug", "接口不存在", "No such action", DOC.CCC_ERRORS),
  "InvalidParameter": row("ourBug", "请求参数错误", "Invalid parameter in our request", DOC.CCC_ERRORS),
  "InvalidRequest": row("ourBug", "请求格式错误", "Malformed request", DOC.CCC_ERRORS),
  "IpInBlacklist": row("accountHold", "服务器 IP 在腾讯云黑名单中", "Server IP on the vendor's block-list", DOC.CCC_ERRORS, { fixZh: "联系腾讯云解除 IP 限制", fixEn: "Ask Tencent Cloud to lift the IP block" }),
  "IpNotInWhitelist": row("accountHold", "服务器 IP 不在 API 密钥的白名单中", "Server IP not on the key's allow-list", DOC.CCC_ERRORS, { fixZh: "在访问管理中把服务器 IP 加入 API 密钥的 IP 白名单", fixEn: "Add the server IP to the key's allow-list in CAM" }),
  "LimitExceeded": row("slowDown", "超过配额限制，稍后重试", "Quota exceeded, retrying later", DOC.CCC_ERRORS),
  "MissingParameter": row("ourBug", "缺少参数", "Missing parameter", DOC.CCC_ERRORS),
  "NoSuchProduct": row("ourBug", "产品不存在", "No such product", DOC.CCC_ERRORS),
  "NoSuchVersion": row("ourBug", "接口版本不存在", "No such API version", DOC.CCC_ERRORS),
  "RequestLimitExceeded": row("slowDown", "请求超过频率限制，稍后重试", "Request rate limited, retrying later", DOC.CCC_ERRORS),
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded": row("slowDown", "主账号超过频率限制，稍后重试", "Account rate limited, retrying later", DOC.CCC_ERRORS),
  "RequestLimitExceeded.IPLimitExceeded": row("slowDown", "IP 限频，稍后重试", "IP rate limited, retrying later", DOC.CCC_ERRORS),
  "RequestLimitExceeded.UinLimitExceeded": row("slowDown", "账号限频，稍后重试", "Account rate limited, retrying later", DOC.CCC_ERRORS),
  "RequestSizeLimitExceeded": row("ourBug", "请求包超过限制大小", "Request too large", DOC.CCC_ERRORS),
  "ResourceInUse": row("unclassified", "资源被占用", "Resource in use", DOC.CCC_ERRORS),
  "ResourceInsufficient": row("slowDown", "资源不足，稍后重试", "Resource insufficient, retrying later", DOC.CCC_ERRORS),
  "ResourceNotFound": row("unclassified", "资源不存在", "Resource not found", DOC.CCC_ERRORS),
  "ResourceUnavailable": row("unclassified", "资源不可用", "Resource unavailable", DOC.CCC_ERRORS),
  "ResponseSizeLimitExceeded": row("ourBug", "返回包超过限制大小", "Response too large", DOC.CCC_ERRORS),
  "ServiceUnavailable": row("slowDown", "腾讯云服务暂时不可用，稍后重试", "Vendor service unavailable, retrying later", DOC.CCC_ERRORS),
  "UnauthorizedOperation": row("accountHold", "未授权操作", "Unauthorised operation", DOC.CCC_ERRORS, { fixZh: "在访问管理中为 API 密钥授予云联络中心权限", fixEn: "Grant the API key CCC permissions in CAM" }),
  "UnknownParameter": row("ourBug", "未知参数", "Unknown parameter", DOC.CCC_ERRORS),
  "UnsupportedProtocol": row("ourBug", "请求协议错误", "Unsupported protocol", DOC.CCC_ERRORS),
  "UnsupportedRegion": row("ourBug", "接口不支持所传地域", "Region not supported", DOC.CCC_ERRORS),
};

const SMS_BALANCE_FIX = { fixZh: "在短信控制台 → 套餐包管理购买套餐包", fixEn: "Buy an SMS package in the SMS console" };
const SMS_ARREARS_FIX = { fixZh: "腾讯云账号欠费，请登录腾讯云充值缴清欠款", fixEn: "The Tencent Cloud account is in arrears: top it up" };

/**
 * SendSms / PullSms* / DescribeSmsTemplateList of 短信 2021-01-11. Dispositions mean, for one message: `badNumber` /
 * `patientNotNow` / `ourBug` — failed, quota refunded; `accountHold` — failed, refunded, and the company sees the
 * cause; `slowDown` / `outcomeUnknown` — stays queued and is retried a bounded number of times.
 */
export const SMS_ERRORS: Readonly<Record<string, VendorErrorRow>> = {
  "FailedOperation.ContainSensitiveWord": row("ourBug", "短信内容含有敏感词", "SMS contains a sensitive word", DOC.SMS_ERRORS),
  "FailedOperation.FailResolvePacket": row("ourBug", "请求包解析失败", "Request could not be parsed", DOC.SMS_ERRORS),
  "FailedOperation.InsufficientBalanceInSmsPackage": row("accountHold", "短信套餐包余量不足", "SMS package balance used up", DOC.SMS_ERRORS, SMS_BALANCE_FIX),
  "FailedOperation.JsonParseFail": row("ourBug", "解析请求包体失败", "Request body could not be parsed", DOC.SMS_ERRORS),
  "FailedOperation.MarketingSendTimeConstraint": row("patientNotNow", "营销短信只允许在8点到22点发送", "Marketing SMS only 08:00–22:00", DOC.SMS_ERRORS),
  "FailedOperation.PhoneNumberInBlacklist": row("patientNotNow", "手机号在免打扰名单中（退订或运营商黑名单）", "Number on the do-not-disturb list", DOC.SMS_SEND),
  "FailedOperation.SignatureIncorrectOrUnapproved": row("accountHold", "短信签名未审批或格式错误", "SMS signature not approved", DOC.SMS_SEND, { fixZh: "在短信控制台 → 签名管理确认 TENCENT_SMS_SIGN_NAME 已审核通过", fixEn: "Make sure TENCENT_SMS_SIGN_NAME is approved in the SMS console" }),
  "FailedOperation.TemplateIncorrectOrUnapproved": row("ourBug", "腾讯云模板未审批或内容不匹配", "Vendor template not approved or does not match", DOC.SMS_SEND),
  "FailedOperation.TemplateParamSetNotMatchApprovedTemplate": row("ourBug", "模板参数个数与腾讯云模板不一致", "Template parameters do not match the vendor template", DOC.SMS_ERRORS),
  "InternalError.OtherError": row("outcomeUnknown", "腾讯云短信其他错误", "Vendor SMS error", DOC.SMS_SEND),
  "InternalError.RequestTimeException": row("accountHold", "请求时间异常：服务器时间与腾讯云相差超过10分钟", "Request time off: server clock more than 10 minutes off", DOC.SMS_ERRORS, { fixZh: "校准服务器时间（NTP）", fixEn: "Synchronise the server clock (NTP)" }),
  "InternalError.RestApiInterfaceNotExist": row("ourBug", "不存在该 REST API 接口", "No such REST API", DOC.SMS_SEND),
  "InternalError.SendAndRecvFail": row("outcomeUnknown", "接口超时或收发包失败", "Send/receive failed", DOC.SMS_ERRORS),
  "InternalError.SigFieldMissing": row("ourBug", "请求包体缺少 Sig 字段", "Sig field missing", DOC.SMS_SEND),
  "InternalError.SigVerificationFail": row("ourBug", "后端校验 Sig 失败", "Sig verification failed", DOC.SMS_SEND),
  "InternalError.Timeout": row("outcomeUnknown", "请求下发短信超时", "SMS request timed out", DOC.SMS_SEND),
  "InternalError.UnknownError": row("outcomeUnknown", "腾讯云短信未知错误", "Unknown vendor SMS error", DOC.SMS_ERRORS),
  "InvalidParameterValue.ContentLengthLimit": row("ourBug", "短信内容太长", "SMS too long", DOC.SMS_SEND),
  "InvalidParameterValue.IncorrectPhoneNumber": row("badNumber", "手机号格式错误", "Malformed mobile number", DOC.SMS_SEND),
  "InvalidParameterValue.ProhibitedUseUrlInTemplateParameter": row("ourBug", "模板变量中不能使用 URL", "No URLs in template parameters", DOC.SMS_ERRORS),
  "InvalidParameterValue.SdkAppIdNotExist": row("accountHold", "短信 SdkAppId 不存在", "SMS SdkAppId does not exist", DOC.SMS_SEND, { fixZh: "检查 TENCENT_SMS_SDK_APP_ID", fixEn: "Check TENCENT_SMS_SDK_APP_ID" }),
  "InvalidParameterValue.TemplateParameterFormatError": row("ourBug", "验证码模板参数格式错误", "Verification template parameter format", DOC.SMS_ERRORS),
  "InvalidParameterValue.TemplateParameterLengthLimit": row("ourBug", "单个模板变量超过字数限制", "Template parameter too long", DOC.SMS_ERRORS),
  "LimitExceeded.AppCountryOrRegionDailyLimit": row("slowDown", "业务短信国家/地区日下发条数超过上限", "Daily per-region limit reached", DOC.SMS_ERRORS),
  "LimitExceeded.AppDailyLimit": row("slowDown", "业务短信日下发条数超过上限", "Daily SMS limit reached", DOC.SMS_ERRORS),
  "LimitExceeded.DailyLimit": row("slowDown", "短信日下发条数超过上限", "Daily SMS limit reached", DOC.SMS_ERRORS),
  "LimitExceeded.DeliveryFrequencyLimit": row("patientNotNow", "下发短信命中频率限制策略", "SMS frequency rule hit", DOC.SMS_SEND),
  "LimitExceeded.PhoneNumberCountLimit": row("ourBug", "单次提交手机号超过200个", "More than 200 numbers in one request", DOC.SMS_ERRORS),
  "LimitExceeded.PhoneNumberDailyLimit": row("patientNotNow", "该手机号今日短信条数已达上限", "Daily SMS limit for this number", DOC.SMS_ERRORS),
  "LimitExceeded.PhoneNumberOneHourLimit": row("patientNotNow", "该手机号1小时内短信条数已达上限", "Hourly SMS limit for this number", DOC.SMS_ERRORS),
  "LimitExceeded.PhoneNumberSameContentDailyLimit": row("patientNotNow", "该手机号相同内容已达上限", "Same-content limit for this number", DOC.SMS_ERRORS),
  "LimitExceeded.PhoneNumberThirtySecondLimit": row("patientNotNow", "该手机号30秒内短信条数已达上限", "30-second limit for this number", DOC.SMS_ERRORS),
  "MissingParameter.EmptyPhoneNumberSet": row("ourBug", "号码列表为空", "Empty number list", DOC.SMS_ERRORS),
  "UnauthorizedOperation.IndividualUserMarketingSmsPermissionDeny": row("accountHold", "个人认证用户不能发送营销短信", "Individual accounts cannot send marketing SMS", DOC.SMS_ERRORS, { fixZh: "将腾讯云账号变更为企业认证", fixEn: "Switch the account to enterprise verification" }),
  "UnauthorizedOperation.RequestIpNotInWhitelist": row("accountHold", "请求 IP 不在短信白名单中", "Request IP not on the SMS allow-list", DOC.SMS_SEND, { fixZh: "在短信控制台把服务器 IP 加入白名单", fixEn: "Add the server IP to the SMS allow-list" }),
  "UnauthorizedOperation.RequestPermissionDeny": row("accountHold", "短信请求没有权限", "SMS request not permitted", DOC.SMS_SEND, { fixZh: "在访问管理中为 API 密钥授予短信权限", fixEn: "Grant the API key SMS permissions" }),
  "UnauthorizedOperation.SdkAppIdIsDisabled": row("accountHold", "短信 SdkAppId 已被禁用", "SMS SdkAppId disabled", DOC.SMS_ERRORS, { fixZh: "联系腾讯云短信小助手", fixEn: "Contact Tencent SMS support" }),
  "UnauthorizedOperation.SerivceSuspendDueToArrears": row("accountHold", "腾讯云账号欠费，短信服务已停止", "SMS suspended: account in arrears", DOC.SMS_ERRORS, SMS_ARREARS_FIX),
  "UnauthorizedOperation.SmsSdkAppIdVerifyFail": row("accountHold", "短信 SdkAppId 校验失败", "SMS SdkAppId verification failed", DOC.SMS_ERRORS, { fixZh: "检查 TENCENT_SMS_SDK_APP_ID 是否属于这对 API 密钥", fixEn: "Check TENCENT_SMS_SDK_APP_ID belongs to the API key" }),
  "UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber": row("ourBug", "群发请求里既有国内也有国际号码", "Mixed domestic and international numbers", DOC.SMS_ERRORS),
  "UnsupportedOperation.UnsuportedRegion": row("badNumber", "不支持该地区短信下发", "Region not supported", DOC.SMS_ERRORS), // sic, as documented
  "UnsupportedOperation.": row("ourBug", "不支持该请求", "Request not supported", DOC.SMS_ERRORS), // sic, as documented
  "UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone": row("badNumber", "国内短信模板不能发送国际/港澳台号码", "Mainland template to a non-mainland number", DOC.SMS_ERRORS),
  "UnsupportedOperation.GlobalTemplateToChineseMainlandPhone": row("ourBug", "国际/港澳台模板不能发送国内号码", "International template to a mainland number", DOC.SMS_ERRORS),
  "FailedOperation.TemplateUnapprovedOrNotExist": row("ourBug", "腾讯云模板未审批或不存在", "Vendor template not approved or missing", DOC.SMS_ERRORS),
  "LimitExceeded.AppCountryOrRegionInBlacklist": row("badNumber", "该国家/地区在发送限制名单中", "Region blocked for this app", DOC.SMS_ERRORS),
  "LimitExceeded.AppGlobalDailyLimit": row("slowDown", "国际/港澳台短信日下发条数超过上限", "Daily international limit reached", DOC.SMS_ERRORS),
  "LimitExceeded.AppMainlandChinaDailyLimit": row("slowDown", "国内短信日下发条数超过上限", "Daily mainland limit reached", DOC.SMS_ERRORS),
};

/** A refused request this many times in a row with codes we cannot place holds the account (never an endless retry). */
export const UNKNOWN_CODE_HOLD_AFTER = 5;
/** slowDown: first wait, growth and cap. */
export const SLOW_DOWN_BASE_MS = 60_000;
export const SLOW_DOWN_MAX_MS = 30 * 60_000;
/** A task refused this many times in a row by slowDown / unclassified / patientNotNow codes stops being retried. */
export const VENDOR_REFUSAL_CAP = 6;
/** A held account lets one probe call through this often. */
export const HOLD_PROBE_EVERY_MS = 15 * 60_000;

export type VendorApi = "ccc" | "sms";

const tableOf = (api: VendorApi) => (api === "ccc" ? CCC_ERRORS : SMS_ERRORS);

/** A code's row; codes absent from the documentation fall back to their family's common code, else null. */
export function vendorErrorRow(api: VendorApi, code: string | undefined | null): (VendorErrorRow & { code: string; documented: boolean }) | null {
  if (!code) return null;
  const table = tableOf(api);
  const exact = table[code];
  if (exact) return { ...exact, code, documented: true };
  return null;
}

/**
 * The disposition of a code, counting how many refusals in a row had no row (or an `unclassified` one): from
 * UNKNOWN_CODE_HOLD_AFTER on, the account is held instead of retried.
 */
export function dispositionOf(api: VendorApi, code: string | undefined | null, unknownStreak: number): VendorDisposition {
  const found = vendorErrorRow(api, code);
  if (found && found.disposition !== "unclassified") return found.disposition;
  if (!found && code?.startsWith("InternalError")) return "outcomeUnknown";
  return unknownStreak + 1 >= UNKNOWN_CODE_HOLD_AFTER ? "accountHold" : "slowDown";
}

/** Growing delay for the n-th consecutive slow-down of one task (n ≥ 1): 1, 2, 4 … minutes up to the cap. */
export function slowDownDelayMs(n: number): number {
  return Math.min(SLOW_DOWN_MAX_MS, SLOW_DOWN_BASE_MS * 2 ** Math.max(0, n - 1));
}

/** The reason stored on a task / message for a vendor refusal: `vendor:<api>:<code>`. */
export const vendorReasonCode = (api: VendorApi, code: string) => `vendor:${api}:${code}`;

/** Words for a stored `vendor:<api>:<code>` reason (null when the string is not one). */
export function vendorReasonLabel(stored: string, locale: "zh-CN" | "en"): string | null {
  const m = /^vendor:(ccc|sms):(.+)$/.exec(stored);
  if (!m) return null;
  const found = vendorErrorRow(m[1] as VendorApi, m[2]);
  const text = found ? (locale === "en" ? found.en : found.zh) : locale === "en" ? "Vendor refused the call" : "腾讯云拒绝外呼";
  return `${text}（${m[2]}）`;
}

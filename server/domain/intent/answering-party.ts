import { normalizeText } from "./normalize";

/**
 * Who or what answered the phone, read from the callee side of the transcript. A carrier reports "answered" for a
 * voicemail, a 秘书台 / 来电提醒 service, a phone assistant and some operator announcements (the line is connected and
 * audio plays); none of them is the patient, so none of them may carry a patient's intent. A wrong number is a person
 * but not the patient; a relative is someone who may pass the message on.
 */
export type AnsweringParty = "patient" | "relative" | "voicemail" | "secretary" | "operator" | "wrongNumber";
export type MachineParty = "voicemail" | "secretary" | "operator";

export const MACHINE_PARTIES: readonly AnsweringParty[] = ["voicemail", "secretary", "operator"];
/** Not the patient: the call did not reach them (counted as not reached, never given a patient intent). */
export const UNREACHED_PARTIES: readonly AnsweringParty[] = ["voicemail", "secretary", "operator", "wrongNumber"];

const OPERATOR =
  /您(所)?(拨打|呼叫|拨叫)的(电话|用户|号码|手机|是)|the(number|subscriber)you(have)?(dialed|called)|请稍后再(拨|打|试)|(号码|电话)(是)?空号|已(经)?停机|号码不存在|不在服务区|暂时无法接通|正在通话中|已关机|sorry,?the|呼叫转移|正在为您(转接|呼叫)|对方(正忙|暂时无法)|请不要挂机|(号码|电话)(已)?暂停(服务|使用)|如有疑问.{0,4}(拨打|咨询)|(对方|机主)(的)?手机可能不在身边|(建议|请)(您)?稍后再(次)?(尝试|拨打?|联系)|正忙[，,]*稍后再/;
const VOICEMAIL = /留(个)?言(哈|吧|啊)?[。！!]?$|留个言|接不了电话.{0,8}留|语音信箱|留言信箱|提示音后|嘀声后|滴声后|哔声后|(请|可以)(在)?.{0,8}留言|leaveamessage|录音留言|留下您的(口信|留言)|请留言|有事(请|可以)?留言|留言或(者)?(发|打)|you'?vereached|leave(your|me)|mailbox|getbacktoyou|afterthe(tone|beep)/;
const SECRETARY =
  /来电提醒|秘书台|秘书服务|(智能|通话|语音|私人|电话|ai)(助理|助手|秘书)|机主(现在|暂时|目前)?(不方便|无法|正忙|暂时|忙|不在|有事)|转告(给)?机主|告诉机主|(我是|这里是)(机主|他|她)?的?.{0,4}(助理|助手|秘书)|请(问|简要|简单)?(说明|说出)(您的)?来意|请问您(有什么事|找机主|是哪位|贵姓)|代接|小爱同学|小艺|小布|siri|(智能|自动)接听|您的来电(已|将)(记录|转达)|已为您记录|来电(助手|秘书)|机主(正在|已|开启|设置)|来电事由|说出您的(姓名|来意|事由)|已为您通知机主|(您是|请问是)(快递|外卖)|(短信|信息)(的)?(形式|方式)?通知机主|沃助理|机主开机后/;
/** 「这是我老公以前的号」: a number now used by family is a relative answering, not a reassigned number. */
const FAMILY_NUMBER = /我(老公|老婆|爱人|儿子|女儿|妈|爸|父亲|母亲|闺女|老伴)(以前|之前)?的(号|手机|电话)/;
/** The first words speak of the patient in the third person: 「她出去买菜了」「他出差了，你们找他什么事？」. */
const ABOUT_THE_PATIENT = /^(他|她)(?!们)(现在|今天|这两天|最近|已经|刚|在)?(出差|睡觉|睡了|上班|上夜班|出去|出门|出国|住院|生病|不在|说|去上班|回老家)/;
const RELATIVE =
  /我(老公|老婆|爱人|儿子|女儿|妈|爸|父亲|母亲|闺女|老伴)(以前|之前)?的(号|手机|电话)|(孩子|小孩)的?(奶奶|爷爷|外婆|外公|姥姥|姥爷|爸爸|妈妈)|(我是|这是)(他|她|你说的|你找的)?的?(妈妈|母亲|妈|爸爸|父亲|爸|老婆|老公|爱人|媳妇|丈夫|妻子|儿子|女儿|闺女|老伴|孩子|家人|家属|姐姐|妹妹|哥哥|弟弟|奶奶|爷爷|外婆|外公|姥姥|姥爷|婆婆|公公|保姆|阿姨)|(他|她)是我(的)?(妈|爸|老婆|老公|爱人|媳妇|儿子|女儿|孩子|姐|妹|哥|弟|奶奶|爷爷|外婆|外公|母亲|父亲|老伴|婆婆|公公)|(他|她)(现在)?(不在|出去了|出门了|上班去了|在上班|没在|在睡觉|睡觉了|住院)|(他|她)的?手机(落|放|没带|在我)|我(帮|替)(他|她)|转告(他|她)|我(让|叫|跟)(他|她)(说|回|给|打)|我家(老人|孩子|小孩|老公|老婆|那口子)|(孩子|小孩|老人)(在|去)?(上学|学校|睡觉)/;
/** A reassigned number or someone outside the family holding the phone: a wrong number even when they offer to pass it on. */
const NOT_FAMILY =
  /(这个?|该)(号码?|电话|手机号?)(现在)?(是)?(我们|我)(在)?(用|使用)|号(码)?的新(用户|主人)|(新|刚|上个月|前阵子|去年)(才)?(换|办|买|申请)的(号|手机|电话|卡)|这号我.{0,4}(办|换|买)的|我是(他|她|你说的|你找的)?(以前|之前|原来)?的?(同事|朋友|同学|领导|司机|房东|邻居)|(公司|单位|工地|店里|办公室)的?(值班|前台|座机|公用)?(电话|号)|值班电话|(这是|这里是)(我们)?(公司|单位|工地|办公室)/;
const WRONG_NUMBER =
  /上一个用这个号|之前用这个号|以前(用|的)这个号|(新|刚)(换|办|买)的(号|手机|电话)|打错了?|你打错|打错电话|不是本人|我不是(你(说|找)的|那个|本人|[\u4e00-\u9fa5]{1,3}(先生|女士|小姐|老师))|你找错人|找错人|认错人|没有这个人|没这个人|不认识(这个人|他|她|你说的)|我不姓|这(个)?号(码)?(是)?我(新|刚)(办|换|买)|号码(换人|已经换|是新)|这不是.{0,4}(的)?(电话|号码|手机)|不知道你说的是谁|这里没有姓|搞错人|弄错人|我(没|从没|从来没|根本没)(在|去)(你们)?(那|这|那儿|那里|这儿)?(拔|看|做|补|种|洗|矫)过/;

/** The party on the other end, judged from everything the callee side said. */
export function answeringPartyOf(calleeLines: readonly string[]): AnsweringParty {
  const said = calleeLines.map(normalizeText).join("，");
  if (!said) return "patient";
  // A 秘书台 / assistant also says 留言 and 无法接通; what it does with the call (tells the owner) decides.
  if (SECRETARY.test(said)) return "secretary";
  if (VOICEMAIL.test(said)) return "voicemail";
  if (OPERATOR.test(said)) return "operator";
  if (NOT_FAMILY.test(said) && !FAMILY_NUMBER.test(said)) return "wrongNumber";
  if (RELATIVE.test(said) || ABOUT_THE_PATIENT.test(said)) return "relative";
  if (WRONG_NUMBER.test(said)) return "wrongNumber";
  return "patient";
}

export function isUnreached(party: AnsweringParty): boolean {
  return UNREACHED_PARTIES.includes(party);
}

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

/**
 * Announcements read by their structure rather than their exact words: a subject an announcement uses (「您所拨打的
 * 号码」「对方用户」「该号码」, in any carrier's or dialect's wording) with a line state (忙、关机、停机、空号、过期、拒接 …),
 * or a state with the announcement's instruction (请稍后再拨、请查证、请挂机). Each is tested on the text and on the text
 * with its punctuation dropped, so an ASR fragment (「……正忙请稍后再……」) reads like the whole.
 */
const ANNOUNCER = "(您|你)(所)?(拨打|拨叫|呼叫|拨|搅|打|呼)的?(电话|用户|号码|手机|号)?|(拨打|拨叫|呼叫)的(电话|用户|号码|手机)|(对不起|抱歉)[，,]?(用户|号码)|对方(的)?(用户|号码|电话|手机)?|(该|此|这个)(用户|号码)|^(嘟|喂)*(号码|用户)|(移动|联通|电信|广电|运营商|百事通)";
const LINE_STATE =
  "暂时.{0,3}接通|正忙|忙|关机|停机|空号|无法接通|未能接通|不能接通|无法接听|暂时不方便接听|无人接听|无应答|无人应答|不在服务区|服务区|通话中|暂停(服务|使用|通话)?|停止服务|停用|销户|注销|回收|过期|有效期|无效|失效|不存在|未登记|有误|拒接|呼叫限制|限制呼入|勿扰|免打扰|欠费|呼叫转移|无法(完成|连接)|接通中|已挂机|已挂断|无响应|未响应|没人接|无人接|忙线|线路(正)?忙";
/** States only an announcement says (「……无法接通……」 alone is still one), unless said of the clinic's own line. */
const ANNOUNCEMENT_STATE = /无法接通|未能接通|暂时无法接听|空号|已停机|已关机|已停用|已销户|已注销|不在服务区|暂停服务|无人接听/;
const OF_THE_CLINIC = /你们|你家|门店|诊所|医院|前台/;
const OPERATOR_STRUCTURE = new RegExp(`(${ANNOUNCER}).{0,12}(${LINE_STATE})`);
/** An instruction only an announcement gives: 「请查询后再拨」. */
const ANNOUNCER_ONLY = /(查证|核对|查询|核实)(号码)?后再(拨|呼)|请查证/;
const ANNOUNCER_INSTRUCTION = /请(您)?(稍后|稍候|迟啲|过会)再(拨|打|试|联系)?|稍(后|候)再拨|请(您)?(查证|核对|查询|核实)|请挂机|请不要挂机|如不挂机/;
const STATE_ONLY = new RegExp(`(${LINE_STATE})`);
const OPERATOR_EN =
  /(you(have)?(dialed|dialled|called|arecalling|aredialing)).{0,30}(busy|off|unavailable|notavailable|reachable|inservice|outofservice|connected|cannotbe|disconnected|exist)|(cannot|notbe|can'?tbe)(be)?(connected|reached|completed)|(number|subscriber|person|party|phone|user)(you)?(are|have|were)?(calling|called|dialed|dialled|reached|trying)?(is|has|was)?(been|now|currently)?(temporarily)?(busy|poweredoff|poweroff|switchedoff|unavailable|notavailable|notreachable|unreachable|notinservice|outofservice|disconnected|cannotbe)|yourcallcannotbe|(try|call|dial)again(later)?|pleaseredial|checkthenumber|servicearea/;
/** A ring-back tune (彩铃) or a hold tune marked by the transcript, with nothing a person said. */
const TUNE_MARK = /♪|[（(\[【][^）)\]】]*(彩铃|音乐|铃声|歌声|等待音|嘟|忙音|回铃|无人接听|自动挂断|busy|ringing|music)[^）)\]】]*[）)\]】]|彩铃/;
/** A beep marked by the transcript or spelled out: a recording about to take a message. */
const BEEP_MARK = /[（(\[【][^）)\]】]*(嘀|滴|哔|beep|提示音)[^）)\]】]*[）)\]】]/i;
const BEEP_ONLY = /^[，,。.!！…—~～\s-]*((嘀|滴|哔)+[—~～-]*[，,。.!！…\s]*)+$/;
const ENDS_WITH_BEEP = /[，,。.!！…\s](嘀|滴|哔)+[—~～\-，,。.!！]*$/;
const VOICEMAIL_STRUCTURE =
  /(嘀|滴|哔|嘟|beep|tone|信号音|提示音|录音提示)(的)?(一)?声?(后|之后|以后|过后)|留(个|下)?(您的)?(口信|言|话)|留下.{0,4}(姓名|电话|号码|联系方式)|(voice)?message|开始录音|录音开始|语音(留言|信箱)|留言(服务|业务|信箱)/;
/** A person who first offered a recording's words and then talks (「有事留言吧……算了你说吧」「留个言？不用」). */
const PERSON_REPAIR = /留(个)?言(吗|呀|啊)?\?|(算了|不用|还是)[^，]{0,4}(你)?(说|讲)吧|(直接|就)(跟你|和你)(说|讲)/;
/** A phone's assistant names itself, or relays to the owner in the third person (「我会转告机主」「主人有空会看的」). */
const ASSISTANT =
  /(智能|ai|语音|通话|电话|私人|接听|代接|来电|数字|自动)(的)?(助理|助手|秘书|管家|分身|接线员|接听|代接)|(我是|这里是|这是)(机主|主人|他|她)?的?.{0,6}(助理|助手|管家|分身|接线员|ai|机器人)|代为接听|(替|帮|代)(机主|主人)|ai代|(通话|电话|来电)筛选|本机已|小度|小爱|小艺|小布|yoyo|jovi|siri|callassistant|takeamessage|passiton|theowner/;
const RELAY = /(转告|转达|带(个)?话|告诉|通知|提醒|告知|发给|转给|原话转给)(到|给)?(机主|主人|对方)|(机主|主人)(正在|不在|在|不方便|暂时|现在|目前|有空|回来|开机|稍后|会|将|方便)/;
const FIRST_PERSON = /我(?!们)|\bi'?m|\bmy/;
const FORMER_OWNER = /(以前|之前|原来|上一个|上个|前)(的)?(机主|主人|号主)/;

/** 「你打错了」「号码不对」「资料登记错了」, not 「把时间打错了」. */
const MISDIALED =
  /(?<![别再要])(打|拨|找|弄|搞|登记|输|记|填|查|认)错(了|啦|咯)?(号|人|电话|号码)?|(输入|录入|登记|记录|抄)(有误|错)|错号|号(码)?(不对|有误|错了)|不是这个号|wrongnumber|wrongperson|错了错了/;
const MISDIALED_OTHER_THING = /(时间|日子|日期|几点|几号|钟点|价格|地址)/;
/** 「我不是张先生」「你说的那个刘女士不是我」「我不姓陈」, the speaker denying being the one asked for. */
const NOT_THE_ONE =
  /我(可|也|又|真|并|根本)?不是(什么|你们?(要)?找的|你们?说的|那个|那位|病人|患者|她|他|本人|你们的?(客户|会员|病人|患者))|不是(你们?(要)?找的|你们?(说|讲)的)(那个|那位)?(人|先生|女士)|我不是(?<who>[\u4e00-\u9fa5]{1,3})[，,]\k<who>|我不是[\u4e00-\u9fa5]{1,3}(先生|女士|小姐|老师|姐|哥|总|阿姨|叔|经理|师傅)|(先生|女士|小姐|阿姨|姐|哥|总|老师|师傅)(我)?(不认识|不认得)|(不认识|不认得)你(说|讲|找)的|(不认识|不认得|没听说过?)(什么)?姓|(找|说|讲)的(人|那个人|那位)[^，,]{0,6}(不在|没在|不用|没听说|不认识|不知道)|(是谁|哪位|哪个)[^，,]{0,8}(不知道|不认识|不清楚)|哪来的[\u4e00-\u9fa5]{1,3}(女士|先生|小姐)|跟[\u4e00-\u9fa5]{1,3}(先生|女士|小姐)没(有)?关系|(先生|女士|小姐|阿姨|老师|总)(也)?不是我|不姓|(找|说|讲)的(人|那个人|那位)?(不是我|我不认识)|我(可|也|真|并)?不是(机主)?本人|捡(到|来)的(手机|电话)|i'?mnot(mr|mrs|ms|miss)|不是不是/;
/** The one asked for, named with a title, spoken of as a stranger (「我真不认识什么蔡先生」「刘先生不住这儿了」). */
const NAMED_STRANGER =
  /(不认识|不认得|没听说过?|不知道)(什么|这个|那个)?[\u4e00-\u9fa5]{1,3}(先生|女士|小姐|阿姨)|[\u4e00-\u9fa5]{1,3}(先生|女士|小姐|阿姨)(早|已经|早就)?(不住这|不在这个号|换号|去世|过世|搬走)/;
const NO_SUCH_PERSON =
  /没(有)?(这(个|号|位)?(人|员工|客户|病人|患者|住户)|叫这(个)?名字|姓.的|[\u4e00-\u9fa5](先生|女士|小姐|阿姨))|查无此人|这(里|儿)没有|家(里)?没有(这个人|这人)/;
/** The number belongs to the speaker (new, reassigned, a work phone) rather than to the patient. */
const NUMBER_IS_MINE =
  /(号|号码|手机号?|电话)(是)?(我)?(刚|才|新|去年|今年|上个月|前阵子|前段时间)?.{0,8}(新)?(办|换|买)的|号(码)?是新的|(开|办|换|买|注册)的(卡|号)|过户|(以前|之前|原来)(可能)?是别人的|(之前|以前|原来)是谁(的|在用)?|(一直|本来|从来)(都)?是我(的|在用)|(不用|没用|不再用)这个(号|号码|手机)|(号|号码|手机号?|电话)[^，,]{0,6}(转|过户|让)给(了)?我|(号主|机主)(早|已经)?换(了|人)|(房东|老板|公司|单位|厂里)的(座机|电话|号)|(原来|以前|之前)(用|使用)的人|(公司|单位)[^，,]{0,4}(统一)?(发|配)的|(号码?|电话|手机)(是)?(我们)?(店里|公司|单位|办公室|工地|厂里)的|一直是我在用|换主人|(才|只)用了.{1,4}(月|天|周|年)|换号了|单位(配|发)(给我)?的|(工作|公司|单位)(手机|电话)/;
/** The speaker has nothing to do with the clinic (「我不认识什么诊所」「没约过牙医」「我也没看过牙」). */
const NO_TIES =
  /不认识(什么|你们)?(诊所|口腔|牙科|医院|医生)|(?<!不是)没(去|到|在)过你们|(?<!不是)没(看|约|做|补|拔|洗|种)过(牙|牙医)|(?<!不是)没约过|没人(看|约|做|补|种|洗)(过)?牙|没在你们(那|这)?(儿|里|边)?(登记|看|做|办|留)过|(?<!不是)没看过牙|(?<!不是)没缺牙|(?<!不是)没办过卡|不知道你们是(哪|谁)/;
const A_PLACE = /(这(里|儿)?是|我们?这(儿|里)?是)[^，,]{0,6}(店|饭店|公司|单位|工地|办公室|派出所|值班室|学校|幼儿园|驿站|厂|酒店|超市|门卫|前台)|(这(里|儿)是|我们?这(儿|里)?是)[^，,]{1,6}的电话|(这(里|儿|边)是|我这(边|里|儿)是)[\u4e00-\u9fa5]{1,2}家$/;
const KIN = "对象|男朋友|女朋友|未婚妻|未婚夫|妈妈|母亲|妈|爸爸|父亲|爸|老婆|老公|爱人|媳妇|丈夫|妻子|儿子|女儿|闺女|老伴|孩子|家人|家属|姐姐|妹妹|哥哥|弟弟|奶奶|爷爷|外婆|外公|姥姥|姥爷|婆婆|公公|保姆|阿姨|哥(?!们)|姐(?!妹们)|弟|妹|嫂子|姐夫|妹夫|舅舅|叔叔|姑姑|小姨|侄子|外甥|孙子|孙女";
const KIN_CLAIM = new RegExp(`(我是|这是)(他|她|[\u4e00-\u9fa5]{1,3}(先生|女士|小姐|老师))的?(${KIN})|(他|她)是我(的)?(${KIN})|(孩子|小孩)(他|她)?的?(爸|妈|${KIN})`);
/** 「我妈拔完牙一直说头晕」「我爸出去遛弯了」: the first words speak of a parent or spouse as the one the call is about. */
const KIN_SUBJECT = /^(喂[，,]?)?我(妈|爸|老公|老婆|爱人|老伴|奶奶|爷爷|外婆|外公)(?!的)(拔|补|做|种|洗|出去|出门|不在|上班|睡|住院|说|一直|最近|刚|已经|今天|现在)/;
const NOT_FAMILY_KIN = /前夫|前妻|前任|前男友|前女友|哥们/;

function isMachineLike(line: string): boolean {
  return BEEP_MARK.test(line) || TUNE_MARK.test(line) || BEEP_ONLY.test(normalizeText(line));
}

const BARE_DENIAL = /^(喂|啊|哦)?(真)?(不是|不是的|不是啊|不是呀|不是我|不对)$/;
const COMPOUND_SURNAME = /^(欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|公孙|尉迟|夏侯|端木|长孙|宇文)/;
/** The surname the AI asked for in its opening (「您好，请问是钱先生吗？」 → 钱), when it asked for one. */
export function askedSurnameOf(aiLine: string | undefined): string | null {
  const m = /请问(您)?是(?<name>[\u4e00-\u9fa5]{1,4}?)(先生|女士|小姐|阿姨|叔叔|老师|总|同学|大爷|大妈|奶奶|爷爷|本人)?(吗|么|嘛)/.exec(normalizeText(aiLine ?? ""));
  const name = m?.groups?.name;
  if (!name || /^(本人|机主|您)/.test(name)) return null;
  return COMPOUND_SURNAME.exec(name)?.[1] ?? name[0]!;
}

/** 「我姓林」 to 「请问是秦女士吗」: another surname than the one asked for. */
function anotherSurname(said: string, asked: string | null | undefined): boolean {
  if (!asked) return false;
  const m = /我姓(?<s>[\u4e00-\u9fa5]{1,2})/.exec(said);
  return !!m?.groups?.s && !m.groups.s.startsWith(asked) && !/^(什么|啥)/.test(m.groups.s);
}

/**
 * The party on the other end, judged from everything the callee side said (and, when known, the surname the AI asked
 * for: someone who gives another one is not the patient).
 */
export function answeringPartyOf(calleeLines: readonly string[], askedSurname?: string | null): AnsweringParty {
  const said = calleeLines.map(normalizeText).join("，");
  if (!said) return calleeLines.some(isMachineLike) ? machineOfMarks(calleeLines) : "patient";
  const compact = said.replace(/[，,。.！!？?；;：:、…—~～\s-]/g, "");
  const either = (re: RegExp) => re.test(said) || re.test(compact);
  const repaired = PERSON_REPAIR.test(said);
  const formerOwner = FORMER_OWNER.test(said);
  // A 秘书台 / assistant also says 留言 and 无法接通; what it does with the call (tells the owner) decides.
  if (SECRETARY.test(said) && !formerOwner) return "secretary";
  const beeps = calleeLines.some((l) => BEEP_MARK.test(l) || BEEP_ONLY.test(normalizeText(l)) || ENDS_WITH_BEEP.test(normalizeText(l)));
  if (beeps && !repaired) return "voicemail";
  if (!formerOwner && (either(ASSISTANT) || (RELAY.test(said) && !RELATIVE.test(said)))) return "secretary";
  if (!repaired && (VOICEMAIL.test(said) || either(VOICEMAIL_STRUCTURE))) return "voicemail";
  // An announcement never speaks as 「我」: 「正在通话中，等我一下……好了，多少钱？」 is a person.
  if (!FIRST_PERSON.test(said)) {
    if (OPERATOR.test(said) || either(OPERATOR_STRUCTURE) || either(OPERATOR_EN)) return "operator";
    if ((either(ANNOUNCER_INSTRUCTION) && either(STATE_ONLY)) || either(ANNOUNCER_ONLY)) return "operator";
    if (said.split(/[，,。.！!？?；;]/).some((clause) => ANNOUNCEMENT_STATE.test(clause) && !OF_THE_CLINIC.test(clause))) return "operator";
  }
  if (calleeLines.some((l) => TUNE_MARK.test(l)) && !personSpoke(said)) return "operator";
  if (NOT_FAMILY.test(said) && !FAMILY_NUMBER.test(said)) return "wrongNumber";
  if (NOT_FAMILY_KIN.test(said)) return "wrongNumber";
  // A relative claim asked back (「他是我爸爸？不对啊…」) is not one.
  const asserted = said.split(/[^，,。.！!；;]*[？?]/).join("，");
  if (RELATIVE.test(asserted) || KIN_CLAIM.test(asserted) || KIN_SUBJECT.test(said) || ABOUT_THE_PATIENT.test(said)) return "relative";
  // Not about who answered: a mistaken time (「把时间打错了」) or a misdial denied (「不是打错了，是我忘了」).
  // 「不是本人还能是谁」「可不就是我」: a rhetorical question affirms who answered.
  if (/还能是谁|不就是我|可不是我吗/.test(said)) return "patient";
  const aboutPerson = said.replace(/[^，,。.！!？?]*(时间|日子|日期|几点|几号)[^，,。.！!？?]*/g, "，").replace(/(?<!是)(不是|没有?|并没)(打|拨|找|搞|弄|认)错(了|人)?/g, "，");
  if (WRONG_NUMBER.test(aboutPerson) || either(NOT_THE_ONE) || NO_SUCH_PERSON.test(said) || NUMBER_IS_MINE.test(said) || NO_TIES.test(said) || A_PLACE.test(said) || NAMED_STRANGER.test(said)) return "wrongNumber";
  if (said.split(/[，,。.！!？?]/).some((clause) => /^(不认识|不认得)(啊|呀|哦)?$/.test(clause))) return "wrongNumber";
  if (anotherSurname(said, askedSurname)) return "wrongNumber";
  // 「不是，…」 as the first word to 「请问是钱先生吗？」 (no relative claim came with it): not the one asked for.
  if (askedSurname && BARE_DENIAL.test(said.split(/[，,。.！!？?]/)[0] ?? "")) return "wrongNumber";
  if ((MISDIALED.test(aboutPerson) || MISDIALED.test(aboutPerson.replace(/[，,。.！!？?…\s]/g, ""))) && !MISDIALED_OTHER_THING.test(aboutPerson)) return "wrongNumber";
  return "patient";
}

/** Lines with only transcript marks (a tune, a beep): a beep takes a message, a tune is the ring-back. */
function machineOfMarks(calleeLines: readonly string[]): AnsweringParty {
  return calleeLines.some((l) => BEEP_MARK.test(l) || BEEP_ONLY.test(normalizeText(l))) ? "voicemail" : "operator";
}

/** Words a person says in a conversation (a question back, a yes or no, a reason), not a tune's lyrics. */
function personSpoke(said: string): boolean {
  return /[？?]|我(是|就是|在|想|会|不)|你(说|好)|(好的|可以|不用|不要|多少钱|什么事)/.test(said);
}

export function isUnreached(party: AnsweringParty): boolean {
  return UNREACHED_PARTIES.includes(party);
}

import { splitClauses, type Clause } from "./normalize";

/**
 * What one clause of a patient's reply does, read as speech acts rather than keywords. Each act has its own scope:
 * 「别再打了」 asks not to be called (optOut) while 「不用再打了」 / 「不用再提醒了」 only says a call is not needed
 * (noNeedCall); 「不用回电话」 declines a call-back; a refusal or a symptom inside a question (「不用预约吧？」,
 * 「疼不疼」) is not asserted; 「不满意」 negates 满意 and 「还不错」 does not.
 */
export type Act =
  | "optOut" // explicit request not to be called again (the only act that puts a number on the DNC list)
  | "complaint" // a complaint about the clinic: failed treatment, 投诉, 负责人, refund …
  | "hostile" // anger at the call without asking to stop (烦不烦, 骚扰)
  | "refuseCall" // refuses to listen (别说了, 不听, 挂了)
  | "noNeedCall" // 不用再打 / 不用提醒 / 不需要回访: this call is not needed
  | "declineCallback" // 不用回电话
  | "callback" // asks a person to call back
  | "notLocal"
  | "reschedule"
  | "notGo" // won't come (不去了, 去不了) — a cancellation in a reminder, a refusal elsewhere
  | "cancel" // 取消预约
  | "brushOff" // 有需要我会联系你们 / 暂时不需要
  | "refuse" // declines (不需要, 没兴趣, 算了)
  | "busy"
  | "think" // 考虑考虑, 商量一下, 到时候看
  | "inquire" // wants to know more (想了解, 想问问)
  | "interest" // wants it / will come (帮我约, 过去看看, 明天见)
  | "agree" // 好的, 可以, 没问题, 记得
  | "negative" // 不行 / 不可以 / 不能 as an answer
  | "good" // positive evaluation / recovered (挺好, 不疼了, 满意)
  | "bad" // negative evaluation (不太满意, 等太久, 态度不好)
  | "symptom" // 疼, 肿, 出血 … asserted
  | "noSymptom" // 没有不舒服, 不疼了
  | "askPrice"
  | "askAddress"
  | "askOther"
  | "assent" // a bare 嗯 / 哦 / 好 / 对
  | "no" // a bare 没有 / 不是 / 没
  | "thanks"
  | "who"
  | "noise";

const CALL = "(打|打电话|打过来|打来|来电|联系|骚扰|打扰|发短信|发信息|推销|call)";
const CALL_RE = new RegExp(CALL);

const OPT_OUT: RegExp[] = [
  new RegExp(`(?<![先暂])(别|不要|莫|勿|不许|不准|少)(再|老|总|总是|一直|天天|老是)?(给|跟|和|向)?(我|我们|我家)?(再)?${CALL}`),
  new RegExp(`(以后|今后|往后|再也|永远|从此)(都|也)?(别|不要|莫|勿|不许|不准)(再)?(给|跟|往|向)?(我)?(这|这儿|这里)?${CALL}`),
  /(把|将)(我|这个|这)(的)?(号|号码|电话|手机号?)?(从|在)?.{0,8}(删|删除|删掉|去掉|移除|拿掉|撤掉|划掉)/,
  /(设置|设成|设为|改成|登记)(一下|成|为)?(不再|不要|别|勿)(来电|打|联系|打电话)|stopcalling|don'?tcall(me|this)|removemynumber|donotcall/,
  /(再也|永远)不(想|要)(接|听)(到)?(你们)?(的)?(电话|来电)/,
  /(不想|不愿意?|不希望)(再)(接|听|收)(到)?(你们)?(的)?(电话|来电|推销)/,
  /(把我|我的).{0,10}(名单|号码|电话|手机|信息|联系方式|资料).{0,4}(删|删除|删掉|去掉|移除|划掉|拿掉)|(从|把我从).{0,6}名单.{0,4}(删|删除|删掉|去掉|移除|划掉|拿掉|撤掉)|(把我|我的)(号码|电话|手机号?|联系方式)(给)?(删|删除|删掉|去掉|移除)/,
  /(删|删除|删掉|去掉|移除)(我的?|掉我的?)(号码|电话|手机号?|联系方式|信息)/,
  /拉黑|黑名单|屏蔽你们|退订|免打扰|勿扰/,
  /取消(这个|这类|此类|所有|你们的?)?(通知|提醒服务|推送|订阅|来电|电话服务|短信|营销)/,
  new RegExp(`再${CALL}(我|过来|来)?(这种|这类|这样的)?(电话)?(过来|来)?(的话)?(我)?(就|要|会|直接)(去)?(报警|投诉|举报|告你们|拉黑|骂|打12315|打110)`),
];
/** 「你们要是再打来，我就去投诉」: a threat conditional on another call, across a comma, is a request not to be called. */
const CONDITIONAL_THREAT = new RegExp(`(要是|如果|若|敢)(再)?${CALL}[^。！？!?]{0,6}[，,](我)?(就|要|会|直接|一定)(去)?(报警|投诉|举报|告你们|拉黑|打12315)`);
const TEMPORARY = /(先|今天|现在|这会儿?|这几天|暂时|最近|这两天|正在)(先)?(别|不要)/;

const COMPLAINT: RegExp[] = [
  /投诉|举报|曝光|12315|消协|消费者协会|卫健委|卫生局|市场监管|维权|起诉|律师|打官司|法院/,
  /(找|叫|让|要)(你们)?(的)?(负责人|领导|经理|店长|院长|老板|管事的|主管)/,
  /(负责人|领导|经理|店长|院长|主管)(给我|跟我|来|出来|打)/,
  /(给|讨|要)(我)?(个|一个)?说法/,
  /退(钱|款|费)|赔(偿|钱)|重做/,
  /(等|排)了?.{0,4}(久|小时|钟头|半天)|就看了.{0,4}分钟|没(讲|说|解释)清楚|太赶了|敷衍|服务(不好|一般|差|太差)|没人(管|理|回|接)|不理人|效果(不好|很差|不行|一般)|跟说好的不一样|说好的.{0,6}(不一样|变了)/,
  /坑人|太坑|坑钱|黑心|乱收费|多收|收费不合理|宰人|乱开药|过度治疗|推销(一堆|了一堆|很多|好多)|一堆项目|(钱|花)(得|的)?(冤|不值)|白花(钱)?/,
  /(上次|那次|之前|上回).{0,12}(洗|补|拔|做|种|矫|看|治).{0,6}(完|了|后).{0,10}(疼|痛|酸|肿|出血|不舒服|受不了)|没(弄|做|处理|清理|洗)(干净|好)|还是没(合|好|解决|效果|长好)|先把这个处理|爱答不理|你们管管|管一管|(到现在|至今|一直)(都)?(还)?没(给|弄|处理|退|回|办|解决|联系|人管)/,
  /态度(太|很|特别|非常|极其|真|也)?(差|恶劣|不好|冷淡|敷衍|恶心)|爱理不理|不耐烦|甩脸|的态度[，,。]?啧/,
  /(又|都|刚|就)(掉|坏|裂|崩|松|脱落)了|(补|做|装|镶|种)的.{0,4}(掉了|坏了|裂了|崩了|松了|脱落)|做坏|弄坏|搞坏|越(治|弄|做|补)越/,
  /不负责|太不专业|不像话|什么(破|烂)|垃圾|差劲|太差|很差|极差|非常失望|太失望|很失望|再也不(去|来)|不会再(去|来)|医疗事故|出了事/,
];
const COMPLAINT_ABOUT_CALLS = /(投诉|举报).{0,8}(骚扰|电话|打电话|你们打)|(骚扰|电话).{0,4}(投诉|举报)/;

const HOSTILE =
  /烦不烦|烦死|好烦|真烦|很烦|烦人|^烦$|烦的很|有病|神经病|脑子(有病|进水)|滚|去死|他妈|妈的|tmd|有完没完|(一天|一早上|一上午|天天|每天|老是|总是|又)(打|来电|打电话)|打了(几|好几|三|两|n|多少)(次|遍|回|个)|怎么又是|又是你们|又是推销|骚扰|报警|别烦我|烦着呢|骗子|骗人|忽悠|怎么(拿到|知道|有|搞到|弄到)我(的)?(电话|号码|手机)|别扯|扯淡|胡扯/;
const REFUSE_CALL = /别说了|不要说了|不用说了|不听|不想听|没兴趣听|没空听|(我)?挂了|先挂了|少废话|别浪费|不接|一秒钟都没|没工夫听|没时间听/;

const DECLINE_CALLBACK =
  /(不用|不必|不需要|没必要|用不着)(让|麻烦)?(医生|他|她|你们|人工|前台|专人)?(给我|跟我)?(回电|回个电话|回电话|打给我|联系我|打电话给我|回访|打电话|打回来|回复|打)|(回电|回个电话|回电话|电话)(就)?(免了|算了|不用了)/;
const NO_NEED_CALL = /(不用|不必|没必要|无需|不需要|用不着)[^，。不]{0,5}(打|打电话|回访|提醒|来电|联系|通知|问|关心)/;

const CALLBACK: RegExp[] = [
  /(人工|真人|客服|前台|医生|大夫|护士|主任|负责人|经理|店长|专人|工作人员|你们的人|有人|[张王李赵刘陈杨黄周吴孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤][医大]?[生夫]?)[^，。]{0,8}(打给我|给我打|回电|回个电话|回电话|联系我|跟我联系|给我回|打个电话|来电话|打电话给我|打过来|联系一下|打一个|说明|解释)/,
  /(让|叫|请).{1,6}(跟|给|和)我(说说|讲讲|介绍|解释|说一下|讲一下)|(转|找|要)人工|人工(服务|客服)|真人(跟我|和我|来)|(给我|帮我)回(个)?电话|回(个)?电话给我|打给我|联系我|给我回(个)?(电话)?|给我打(个)?(电话)?|让.{1,6}(联系我|打给我|回电|给我回)|回电/,
];
const CALLBACK_TO_CLINIC = /(给|回|打给)你们|让(他|她)(给|回)你们|(他|她)(会)?(给|回)你们/;

const THIRD_PARTY = /(老公|老婆|爱人|孩子|儿子|女儿|家人|他|她|我妈|我爸|家里)/;
const NOT_LOCAL =
  /不在(那个|这个)?(城市|地方)|不在(本地|当地|这边|那边|国内|家里那边|[\u4e00-\u9fa5]{2}市)|在外地|外地(工作|上班|读书|上学|出差|呢|了)|出差|回老家|在老家|回家乡|搬(走|家)了|搬到|去外地|在国外|出国|不在(上海|北京|广州|深圳|杭州|南京|成都|重庆|武汉|苏州|天津|西安|长沙|郑州)|回不去|回不来|人在[\u4e00-\u9fa5]{2,3}(呢|出差|工作|上班|读书)/;
const RESCHEDULE: RegExp[] = [
  /怎么改|改一下|能改吗|可以改吗|改期|改(个|一下|成|到|在)?.{0,4}(时间|日子|天|日|号|期|约|周|星期|礼拜|上午|下午|晚上)|改到|改成|换(个|一|到|成)?(时间|天|日子|一天|个日子|周|星期|礼拜|明天|后天|下周|上午|下午|晚上)|换到|挪到|挪(一|两)?(下|天|周)|推迟|往后(推|挪|延|放)|推(一|两|几)?(天|周|个星期|个礼拜)|延后|延期|晚(几|两|一)天|(下周|下个月|过两天|改天)再(约|来|去|过去|过来)|改天再约|再约(个|一)?(时间)?|再(打电话|联系|来|过来|去)约|重新(约|预约|安排|定)|另(约|外约|外安排)|提前到|调(一下|个)?(时间|日子)|挪(一下|个)?(时间|日子)/,
];
const NOT_GO = /不去了?|不来了?|不过去了?|不过来了?|去不了|来不了|去不成|来不成|不用去|不用来|赶不过去|赶不过来|到不了|过不去|过不来/;
const CANCEL = /(?<!(别|不要|不用|莫|勿|没)(给我|帮我)?)取消(?!.{0,4}(通知|推送|订阅))|不约了|退号|不看了|不做了/;
const BRUSH_OFF =
  /(等|到)?(我)?需要的时候(再说|再联系|再找|联系|找)|有空再说|有需要(的话|时|再)?(我)?(会|再|就|自己)?(联系|找|打给|打电话给|给|打)(你们)?|需要(的话|时|的时候)(我)?(再|会|就)?(联系|找|打)|有空(我)?(再|会)(联系|去|过去|来)|以后再说|暂时不需要|暂时不用|目前不需要|现在不需要|先不用|先这样|再联系吧|(我)?自己(会)?(看着办|安排|联系)/;
const REFUSE =
  /不需要|不用了|^不用$|不用(的|啦|哈|哦|吧|啊|呢)?$|不用(种|做|弄|洗|看|约|预约|了解|麻烦|考虑|你们)|没兴趣|不感兴趣|没有兴趣|不考虑|不想(做|弄|种|了解|要|听|试|整)|^不想$|不打算|算了|不要了|^不要$|不要不要|没需要|没有需要|不做|用不着|不必了|没必要|暂时不|暂不|先不|^不了$|就不了|免了|不太需要|不是很需要|不怎么需要|不是太需要|没什么需要|没这个(打算|需要|想法)|没(这个)?打算|不合适|太贵了?|贵了|不划算|(在|去)别(家|的地方|处)(做|种|看|弄)|已经(做|种|弄|洗|看)(过|了)|已经.{0,3}(种|做|弄|洗|看|矫|补|装|戴)(好|完|过)了?|(种|做|弄|洗|矫|补|来|去)不了|(在|去)(别|其他|另外|小区|楼下|家门口|附近|单位)(家|的|那家|医院|诊所|门口).{0,6}(看|做|洗)|习惯(那家|那边|了)|不用(检查|查)/;
const BUSY =
  /在忙|正忙|忙着|很忙|太忙|现在忙|忙呢|忙死|没空|没时间|没工夫|上课|在吃饭|吃饭呢|在睡觉|(下课|忙完|回去|下班)再说|晚点|晚些|回头(再)?(说|打|聊|联系)?|改天(再)?(说|聊|打)?|开会|(在|正在)开车|开车呢|在上班|上班呢|在外面|在路上|待会|等会|一会儿|过会儿?|稍后|下次再说|现在不方便|不方便(接|说|讲|聊)|(下午|晚上|明天|过两天|晚点|等下)(再)?打|再打过来|再打给我/;
const THINK =
  /(我|再)看看(吧|再说)?$|(去|来|做)也行|不太想|不怎么想|考虑|想想|再(跟|和)你们(约|联系|预约)|做做工作|想一想|商量|问问(家里|家人|老公|老婆|爱人|孩子|我妈|我爸|家里人)|再看看|看看再说|再了解|了解了解|不确定|说不好|不好说|看情况|到时候(看|再看|再说)|还没想好|没想好|犹豫|再说吧|再定|看看有没有(空|时间)|看(一下|下)?(时间|安排)|到时候看看|不一定|应该吧|也许|可能吧|再议/;
const INQUIRE = /想了解|想问问|想咨询|问一下|问问|了解一下|咨询一下|具体(情况|介绍)|介绍一下|发(个|一下)?(资料|介绍|短信|微信)给我|(资料|介绍).{0,6}发我|先了解/;
const INTEREST =
  /感兴趣|有兴趣|有需要|需要的|正想|正好想|正打算|想(去|来|做|种|洗|弄|约|试试|看看|报名|参加|整)|(帮|给)我(约|预约|安排|登记|留|报|挂)|(你|你们)(给我|帮我)?安排|打电话预约|(自己|我去|我来)预约|(去|来)(转转|逛逛|瞧瞧)|预约一下|约一下|约个|约在|报名|留个名额|(过去|过来|去|来)(看看|问问|一趟|咨询|检查|看一下|洗牙|洗|看牙|补牙|种牙|面诊|做)|(明天|后天|周[一二三四五六日天末]|星期[一二三四五六日天]|下周|今天|这周|月底|过两天|周末|有空|到时候|上午|下午|晚上|点)(就|会|再)?(过去|过来|去|来|到)|带(他|她|孩子|老人|我妈|我爸|老公|老婆|小孩|儿子|女儿).{0,4}(过来|过去|去|来)|明天见|到时候见|周[一二三四五六日天末]见|回头见|准时到|按时到|一定到|会(过去|过来|去|来|到)|能到|(我|我们)(就|会|再)?.{0,4}(去|来|过去|过来)(的|吧|了|啊|就行|就好|就可以)?$|^(去|来)(的|啊|呀)?(去|来)?(的)?$|(去|来)的(去|来)的|去去去|要去|(去|来)是(要)?(去|来)|都(去|来)的|参加/;
const AGREE =
  /好的|好啊|好呀|好吧|好哇|^好+$|^行+$|行啊|行的|行吧|那行|^中+$|^得$|可以|没问题|愿意|一定|肯定(会|去|来|到|的)|准时|按时|记得|记着|记住|知道了|知道的|知道啦|收到|明白|放心|ok|okay|当然|对的|是的|没错|成$|妥|要的|要啊|要$|需要$|^能$|能的|^知道$|知道知道|^都行|都可以|^行$|^有(的|啊|呀)?$|有的有的|有有有|^方便|也行$/;
const NEGATIVE_ANSWER = /不行|不可以|不能|不太行|没法|没办法|不方便|不太方便|不好意思/;
const GOOD =
  /挺好|很好|都好|还好|不错|满意|还行|还可以|可以的|好多了|好了|好些了|没事|没什么事|正常|没毛病|没问题|专业|耐心|细心|热情|周到|舒服|好评|还会来|下次还来|推荐|恢复(得)?(挺|很|还|比较)?(好|不错|可以|顺利)|消肿|没感觉|没啥感觉|没什么感觉|挺棒|很棒|靠谱/;
const BAD =
  /不满意|不太满意|不怎么(样|满意|好)|一般般|不太好|不好(?!意思|说)|太贵|贵了|收费高|太慢|(等|排)了?(太|很|好|半天|很久|好久|一个|一个多|两个)+(久|小时|钟头|半天|钟)|等(太|很|好)久|没(讲|说)清楚|没解释|太赶|敷衍|有待(提高|改进)|服务(不好|一般|差)|(?<![出相时])差|失望|粗鲁|不耐心|不细心|不专业|乱/;
const SYMPTOM =
  /疼|痛|肿|不舒服|出血|流血|渗血|松动|松了|发炎|酸|胀|麻木|麻(的|了)|痒|难受|化脓|发烧|异味|口臭|塞牙|咬不动|敏感|没好|不太好|睡不着|不能吃|吃不了/;
const NEGATED_SYMPTOM =
  /(不|没|没有|没什么|没啥|没有什么|不怎么|不太)(疼|痛|肿|不舒服|出血|流血|松|酸|胀|麻|难受|感觉)|(疼|痛|肿|出血|血)(已经)?(都)?(不|没|止住|消|好)(了)?/;
const ASK_PRICE = /多少钱|价格|价位|价钱|费用|贵不贵|贵吗|收费|优惠|打折|报价|几千|几百|多少米|医保|分期|免费吗|要钱/;
const ASK_ADDRESS = /地址|在哪|哪里|怎么走|怎么去|位置|哪条路|远不远|停车|地铁|几楼|哪个店|哪家店/;
const WHO = /你是谁|哪位|谁啊|谁呀|^谁$|什么事|干什么的|哪里的|你们是(哪|什么)|有什么事/;
const NOISE = /听不清|听不见|听不到|信号不好|信号差|你说什么|说什么|^喂+$|^什么$|^啊$/;
const THANKS = /谢谢|感谢|再见|拜拜|bye/;
const ASSENT = /^(嗯+|恩+|哦+|噢+|喔+|啊+|好+|对+|是+|行|en+|ok|okay|哎|诶|欸|嗯哼|对对|是的)+$/;
const NO = /^(没有|没|不是|不|没呢|还没|没了|没有了|木有)+$/;

/** Positive words preceded by a negation are not positive (不一定, 不可以, 没兴趣 …). */
function notNegated(text: string, re: RegExp): boolean {
  const m = re.exec(text);
  if (!m) return false;
  const before = text.slice(Math.max(0, m.index - 2), m.index);
  return !/[不没别未无非][^了]?$/.test(before) || /^(不错|不赖)/.test(m[0]);
}

export interface ClauseReading {
  text: string;
  question: boolean;
  acts: Set<Act>;
}

export function readClause(clause: Clause): ClauseReading {
  const { text, question } = clause;
  const acts = new Set<Act>();
  const add = (act: Act) => acts.add(act);

  if (ASSENT.test(text)) return { text, question, acts: new Set(["assent"]) };
  if (NO.test(text)) return { text, question, acts: new Set(["no"]) };

  const optOut = OPT_OUT.some((re) => re.test(text)) && !TEMPORARY.test(text);
  if (optOut) add("optOut");
  else if (TEMPORARY.test(text) && CALL_RE.test(text)) add("busy");
  const aboutCalls = COMPLAINT_ABOUT_CALLS.test(text);
  if (!optOut && !aboutCalls && COMPLAINT.some((re) => re.test(text))) add("complaint");
  if (HOSTILE.test(text) || aboutCalls) add("hostile");
  if (REFUSE_CALL.test(text) && !/不接受/.test(text)) add("refuseCall");

  const declined = DECLINE_CALLBACK.test(text);
  if (declined) add("declineCallback");
  else if (!optOut && NO_NEED_CALL.test(text)) add("noNeedCall");
  if (!declined && !optOut && CALLBACK.some((re) => re.test(text)) && !CALLBACK_TO_CLINIC.test(text)) add("callback");

  const local = NOT_LOCAL.exec(text);
  if (local && !THIRD_PARTY.test(text.slice(0, local.index))) add("notLocal");
  if (RESCHEDULE.some((re) => re.test(text))) add("reschedule");
  if (CANCEL.test(text) && !optOut) add("cancel");
  if (NOT_GO.test(text) && !question && !/也行|也可以/.test(text)) add("notGo");
  if (BRUSH_OFF.test(text)) add("brushOff");
  else if (!question && REFUSE.test(text) && !acts.has("noNeedCall") && !declined) add("refuse");
  if (BUSY.test(text)) add("busy");
  if (THINK.test(text)) add("think");
  if (notNegated(text, INQUIRE)) add("inquire");
  if (notNegated(text, INTEREST) && !acts.has("notGo")) add("interest");
  if (notNegated(text, AGREE)) add("agree");
  if (NEGATIVE_ANSWER.test(text) && !question) add("negative");

  const noSymptom = NEGATED_SYMPTOM.test(text);
  if (noSymptom) add("noSymptom");
  else if (SYMPTOM.test(text) && !question && !/(疼|痛)不(疼|痛)/.test(text)) add("symptom");
  if (BAD.test(text) && !/不错/.test(text.replace(BAD, ""))) add("bad");
  if (!question && notNegated(text, GOOD) && !/不满意|不太满意|不怎么满意/.test(text)) add("good");

  if (ASK_PRICE.test(text) && (question || /多少钱|价格|价位|收费|费用/.test(text))) add("askPrice");
  if (ASK_ADDRESS.test(text) && (question || /地址|在哪|怎么走/.test(text))) add("askAddress");
  if (WHO.test(text)) add("who");
  if (NOISE.test(text)) add("noise");
  if (THANKS.test(text)) add("thanks");
  if (question && acts.size === 0) add("askOther");
  // 「换人的话我就不去了」: a condition decides nothing yet.
  if (/的话|如果|要是|假如|万一/.test(text) && (acts.has("notGo") || acts.has("refuse") || acts.has("interest"))) {
    for (const act of ["notGo", "refuse", "interest", "cancel"] as const) acts.delete(act);
    add("think");
  }
  return { text, question, acts };
}

export function readUtterance(utterance: string): ClauseReading[] {
  const clauses = splitClauses(utterance).map(readClause);
  const whole = clauses.map((c) => c.text).join("，");
  if (clauses.length > 1 && CONDITIONAL_THREAT.test(whole)) {
    const threat = clauses.find((c) => /报警|投诉|举报|告你们|拉黑|12315/.test(c.text));
    if (threat) {
      threat.acts.add("optOut");
      threat.acts.delete("complaint"); // nothing needs handling unless they are called again (the labelling guide)
    }
  }
  return clauses;
}

/** What a patient's utterance signals, detected by phrase rules (offline, no model). */
export type Signal =
  | "optOut" // asks not to be called again
  | "refuse"
  | "positive"
  | "assent" // a bare 嗯 / 哦 / 好 / 对 with nothing else
  | "askPrice"
  | "askAddress"
  | "later" // busy now, call later
  | "notLocal"
  | "reschedule"
  | "discomfort"
  | "callback" // wants a person to call back
  | "dissatisfied"
  | "wrongPerson";

const OPT_OUT = [
  "别再打", "不要再打", "别打了", "不要打了", "别给我打", "不要给我打", "以后别打", "以后不要打", "不要再给我打", "别再给我打",
  "再打我就投诉", "拉黑", "投诉你们", "我要投诉", "骚扰电话", "别骚扰", "不要骚扰", "删掉我的号码", "删除我的号码", "把我的号码删",
];
const REFUSE = [
  "不需要", "不用了", "不用", "没兴趣", "不感兴趣", "没有兴趣", "不考虑", "不想", "不去了", "不去", "不来", "算了", "不要了",
  "没需要", "没有需要", "不做了", "不打算", "不合适", "不可以", "不行", "不方便去", "来不了", "去不了",
];
const POSITIVE = [
  "好的", "好啊", "好呀", "好吧", "可以", "行啊", "行的", "没问题", "愿意", "想了解", "想问问", "我想", "帮我约", "帮我预约",
  "预约一下", "约一下", "过去看看", "过去一趟", "会去", "会来", "准时", "能到", "感兴趣", "有兴趣", "有需要", "需要的", "挺好",
  "来看看", "去看看", "考虑一下", "考虑考虑", "记得", "知道了", "收到",
];
const ASK_PRICE = ["多少钱", "价格", "费用", "贵不贵", "贵吗", "怎么收费", "收费", "优惠", "打折", "报价"];
const ASK_ADDRESS = ["地址", "在哪", "怎么走", "哪个位置", "位置在", "哪条路", "远不远", "停车"];
const LATER = ["在忙", "正忙", "没空", "晚点", "回头再说", "再说吧", "改天", "开会", "开车", "不方便", "下次再说"];
const NOT_LOCAL = ["不在本地", "不在当地", "在外地", "出差", "不在上海", "不在北京", "不在广州", "不在深圳", "回老家"];
const WRONG_PERSON = ["打错了", "不是本人", "不是我", "你打错", "不认识"];
const RESCHEDULE = ["改时间", "改约", "改个时间", "换个时间", "换一天", "推迟", "往后推", "改到", "晚几天", "下周再"];
const DISCOMFORT = ["疼", "痛", "不舒服", "肿", "出血", "松动", "发炎", "酸"];
const CALLBACK = ["人工", "回电", "打给我", "真人", "让医生联系", "让他联系", "联系我", "回个电话"];
const DISSATISFIED = ["不满意", "态度差", "态度不好", "太差", "差劲", "很失望", "不太满意"];

const ASSENT_RE = /^(?:嗯+|恩+|哦+|噢+|喔+|啊+|好+|对+|是+|行|en+|ok|okay|[，,。.!！？?…~\s])+$/i;

const includesAny = (text: string, phrases: readonly string[]) => phrases.some((p) => text.includes(p));

export function normalizeUtterance(text: string): string {
  return text.replace(/\s+/g, "").toLowerCase();
}

export function detectSignals(utterance: string): Set<Signal> {
  const text = normalizeUtterance(utterance);
  const signals = new Set<Signal>();
  if (!text) return signals;
  if (ASSENT_RE.test(text)) {
    signals.add("assent");
    return signals;
  }
  if (includesAny(text, OPT_OUT)) signals.add("optOut");
  // Negated phrases ("不感兴趣", "不需要") contain positive ones; strip refusals before looking for assent words.
  let rest = text;
  for (const p of [...OPT_OUT, ...REFUSE].sort((a, b) => b.length - a.length)) {
    if (rest.includes(p)) {
      signals.add(OPT_OUT.includes(p) ? "optOut" : "refuse");
      rest = rest.split(p).join("|");
    }
  }
  if (includesAny(rest, POSITIVE)) signals.add("positive");
  if (includesAny(text, ASK_PRICE)) signals.add("askPrice");
  if (includesAny(text, ASK_ADDRESS)) signals.add("askAddress");
  if (includesAny(text, LATER)) signals.add("later");
  if (includesAny(text, NOT_LOCAL)) signals.add("notLocal");
  if (includesAny(text, WRONG_PERSON)) signals.add("wrongPerson");
  if (includesAny(text, RESCHEDULE)) signals.add("reschedule");
  if (includesAny(text, DISCOMFORT)) signals.add("discomfort");
  if (includesAny(text, CALLBACK)) signals.add("callback");
  if (includesAny(text, DISSATISFIED)) signals.add("dissatisfied");
  return signals;
}

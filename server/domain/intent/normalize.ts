/**
 * Puts a transcribed utterance into one plain Mandarin spelling before it is read: ASR markers ([杂音]) dropped,
 * full-width forms folded, and the dialect words the lexicon would otherwise miss (粤语, 川渝, 吴语, 东北话, 河南话)
 * replaced by their Mandarin meaning. Only whole words with one meaning are mapped (系 stays: 联系).
 */
const DIALECT: [RegExp, string][] = [
  // 闽南语 / 台湾 (often transcribed in traditional characters)
  [/電話/g, "电话"],
  [/敲电话|拍电话/g, "打电话"],
  [/毋免|免啦/g, "不用"],
  [/莫閣|莫再|毋通閣|勿閣/g, "别再"],
  [/閣/g, "再"],
  [/來/g, "来"],
  [/說/g, "说"],
  [/謝謝/g, "谢谢"],
  [/預約/g, "预约"],
  [/无闲/g, "没空"],
  [/后摆/g, "下次"],
  [/才讲/g, "再说"],
  // 吴语
  [/好额|好呃|好个呀/g, "好的"],
  [/下半天/g, "下午"],
  [/上半天/g, "上午"],
  // code-mixing
  [/nothanks?|no,thanks?|不用thanks?/g, "不用了谢谢"],
  [/notinterested/g, "不感兴趣"],
  [/consider/g, "考虑"],
  [/budget/g, "预算"],
  [/check/g, "看"],
  [/整呗|整吧|来吧整/g, "好的"],
  // 粤语
  [/咁贵/g, "这么贵"],
  [/咁/g, "这么"],
  [/喇|咯/g, ""],
  [/唔得喎|唔得/g, "不行"],
  [/得唔得|好唔好|得未/g, "行不行"],
  [/返工/g, "上班"],
  [/嗰日|嗰天/g, "那天"],
  [/第二日|第二日子/g, "另一天"],
  [/过嚟|過嚟/g, "过来"],
  [/嚟/g, "来"],
  [/喎|啩|囉|啰/g, ""],
  [/晒/g, ""],
  [/唔使|唔駛|唔洗|冇使|勿用|伐用|覅用/g, "不用"],
  [/唔好再/g, "不要再"],
  [/唔要|伐要|覅|勿要/g, "不要"],
  [/唔该|唔該|谢谢侬|多谢晒|多谢/g, "谢谢"],
  [/唔系|唔係|勿是|伐是/g, "不是"],
  [/唔得闲|冇得闲|冇时间|唔得閒/g, "没空"],
  [/得闲/g, "有空"],
  [/冇事|莫得事|没得事|冇問題|冇问题/g, "没事"],
  [/莫得|没得|冇得/g, "没有"],
  [/好返晒|好返/g, "好了"],
  [/唔/g, "不"],
  [/冇/g, "没"],
  [/伐去|勿去/g, "不去"],
  [/伐来|勿来/g, "不来"],
  [/伐需要|勿需要/g, "不需要"],
  [/伐想|勿想/g, "不想"],
  [/伐/g, "吗"], // 好伐 / 去伐: 吴语's question particle once the negations above are taken
  [/要得|巴适|安逸|得嘞|好嘞|好滴|好哒|好咧|靠谱/g, "好的"],
  [/老好|蛮好|几好|好得很|好着呢|好好哦/g, "很好"],
  [/晓得|知得/g, "知道"],
  [/啥子|么子|咩嘢|咩|啥/g, "什么"],
  [/几多钱|几钱|多钱/g, "多少钱"],
  [/嘎哈|干哈|搞么子|做乜|做咩/g, "干什么"],
  [/边度|哪嘎达|哪旮旯/g, "哪里"],
  [/边个/g, "谁"],
  [/点解/g, "为什么"],
  [/听日|明朝|明儿个|明儿|明早/g, "明天"],
  [/今朝|今儿个|今儿/g, "今天"],
  [/后日|后儿个/g, "后天"],
  [/辰光/g, "时候"],
  [/一哈|一下下/g, "一下"],
  [/有啲|有滴/g, "有点"],
  [/俺|阿拉/g, "我"],
  [/侬|恁/g, "你"],
  [/佢哋|伊拉/g, "他们"],
  [/佢|伊/g, "他"],
  [/嘅/g, "的"],
  [/咗/g, "了"],
  [/喺/g, "在"],
  [/揾/g, "找"],
  [/咋/g, "怎么"],
  [/甭|别介/g, "别"],
  [/整牙/g, "做牙"],
];

const FULL_WIDTH = /[！-～]/g;

export function normalizeText(text: string): string {
  let t = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\[[^\]]*\]|【[^】]*】|（[^）]*）|\([^)]*\)/g, "，")
    .toLowerCase()
    .replace(/[ \t\u3000]+/g, "");
  for (const [re, to] of DIALECT) t = t.replace(re, to);
  return t.replace(/…+|\.{2,}|—+|-{2,}|~+/g, "，");
}

export interface Clause {
  text: string;
  /** Ends with a question mark, or is phrased as one (吗, 呢, A不A …). */
  question: boolean;
}

const QUESTION_WORDS = /吗$|么$|嘛$|呢$|(什么|怎么|哪|多少|几点|几号|多久|多长|为什么|是不是|能不能|可不可以|行不行|要不要|有没有|会不会|用不用|需不需要|对不对|好不好|对吧|是吧|贵不贵|远不远|疼不疼|痛不痛)/;

/** Splits an utterance into clauses at punctuation, keeping whether each is a question. */
export function splitClauses(utterance: string): Clause[] {
  const text = normalizeText(utterance);
  const clauses: Clause[] = [];
  const re = /([^，,。.！!？?；;：:、\n]+)([？?]?)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[1]!.replace(/^[啊呃额嗯哦噢喔唉哎诶欸呀哈]+(?=.)/, "");
    if (!body) continue;
    clauses.push({ text: body, question: m[2] !== "" || QUESTION_WORDS.test(body) });
  }
  return clauses;
}

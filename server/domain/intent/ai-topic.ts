import { normalizeText } from "./normalize";

/**
 * What the AI's line asked, so a reply is read as the answer to it: 「好的」 after 「需要请医生给您回电话吗？」 asks for a
 * call-back, after 「您能按时到店吗？」 confirms, after 「祝您生活愉快，再见」 only says goodbye; 「没有」 after
 * 「有没有哪里不舒服？」 means recovered. The last question of the line is the one being answered.
 */
export type AiTopic =
  | "callbackOffer"
  | "callLater"
  | "book"
  | "satisfaction"
  | "symptom"
  | "attend"
  | "suggestion"
  | "offer"
  | "identity"
  | "question"
  | "inform"
  | "closing";

const TOPICS: [AiTopic, RegExp][] = [
  ["callbackOffer", /(医生|大夫|人工|专人|工作人员|负责人|客服|前台|护士|同事|主任|顾问|咨询师|店长|经理).{0,10}(回电|回个电话|联系您|给您打|打给您|跟您联系|回复您|跟您沟通)|需要.{0,4}(回电|回个电话)/],
  ["callLater", /(再|晚点|稍后|回头|改天|晚些).{0,4}(给您)?(打|联系|致电|来电)|什么时候.{0,4}(打|联系)|几点.{0,4}(方便|打)/],
  ["satisfaction", /满意|体验|评价|打分|评分|服务(怎么样|如何)/],
  ["symptom", /不舒服|疼|痛|肿|出血|恢复|感觉|情况|怎么样/],
  ["attend", /到店|按时|准时|到院|到诊|过来|来吗|到吗|赴约|方便来/],
  ["book", /预约|约个|约一下|安排|登记|报名|留(个)?名额|时间/],
  ["suggestion", /意见|建议|还有什么|其他问题|别的问题/],
  ["offer", /兴趣|了解|考虑|需要|感兴趣|试试|参加|体验/],
  ["identity", /^(喂)?(您好)?(请问)?(您)?是.{1,8}(吗|么|嘛)$/],
];

export function topicOfAiLine(line: string | undefined): AiTopic {
  if (!line) return "question";
  const text = normalizeText(line);
  const sentences = text.split(/(?<=[。！!？?；;])/).filter((s) => s.trim());
  const questions = sentences.filter((s) => /[？?]$|吗[。，,]?$|呢[。，,]?$/.test(s));
  const asked = questions.at(-1);
  if (!asked) return /再见|祝您|已经为您|已为您|感谢|谢谢/.test(text) ? "closing" : "inform";
  for (const [topic, re] of TOPICS) if (re.test(asked)) return topic;
  return "question";
}

/**
 * A patient's SMS reply that asks for no more messages (短信退订): the conventional unsubscribe words — TD / T / N, and R,
 * which Tencent's marketing templates end with (「拒收请回复R」) — alone, or a sentence with 退订 / 拒收 / 不要再发.
 * Anything else (a question, 「好的」) is not an opt-out.
 */
const WORD = /^(td|t|n|r|退订|退|拒收|取消)$/i;
const SENTENCE = /退订|拒收|不要(再)?(给我)?发|别(再)?(给我)?发|停止发送/;

export function isOptOutReply(content: string): boolean {
  const plain = content.normalize("NFKC").trim().replace(/[\s。.!！,，~～]+$/g, "").replace(/^[\s【\[]+|[】\]\s]+$/g, "");
  if (!plain) return false;
  return WORD.test(plain) || SENTENCE.test(plain);
}

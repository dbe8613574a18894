import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClassifyIntentInput } from "@/server/domain/intent/classify-intent";
import { MARKETING_INTENTS, intentsOf } from "@/server/domain/templates/intents";

const SURVEY_INTENTS = intentsOf("satisfied", "dissatisfied", "needsCallback", "undecided", "notLocal", "refused");
import { IntentModelError } from "@/server/ports/intent";
import { FakeOpenAi, promptOf } from "@/tests/support/fake-openai";
import { LlmIntentClassifier } from "./llm-classifier";

const fake = new FakeOpenAi();
let baseURL: string;
beforeAll(async () => (baseURL = await fake.start()));
afterAll(() => fake.stop());

const classifier = (over: Partial<ConstructorParameters<typeof LlmIntentClassifier>[0]> = {}) =>
  new LlmIntentClassifier({ baseURL, apiKey: "sk-test", model: "fake-model", maxRetries: 0, timeoutMs: 5_000, ...over });

const call = (category: "marketing" | "service", ...patient: string[]): ClassifyIntentInput => ({
  category,
  intents: MARKETING_INTENTS,
  answered: true,
  turns: patient.flatMap((text) => [
    { speaker: "ai" as const, text: "您好，这里是静安店，本周有洁牙优惠活动，您有兴趣了解一下吗？" },
    { speaker: "patient" as const, text },
  ]),
});

const answer = (over: Record<string, unknown> = {}) => ({
  intent: "somewhatInterested",
  summary: "客户询问洁牙价格，想周六上午过去看看，希望前台回电确认。",
  reason: "询问价格并提出到店时间",
  callbackRequested: true,
  proposedTime: "周六上午",
  optOut: false,
  ...over,
});

async function failure(promise: Promise<unknown>): Promise<IntentModelError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntentModelError);
  return error as IntentModelError;
}

describe("LlmIntentClassifier against a local OpenAI-compatible server", () => {
  it("sends the categories and the transcript, and returns the validated analysis", async () => {
    fake.reply = () => ({ kind: "json", content: answer() });
    const result = await classifier().classify(call("marketing", "洁牙多少钱？", "那我周六上午过去看看，让前台给我回个电话吧"));
    expect(result).toMatchObject({
      intent: "somewhatInterested",
      label: "比较有意向",
      canonical: "somewhatInterested",
      rule: "model",
      callbackRequested: true,
      proposedTime: "周六上午",
      summary: expect.stringContaining("洁牙"),
      reason: "询问价格并提出到店时间",
    });
    const sent = fake.requests.at(-1)!;
    expect(sent.path).toBe("/v1/chat/completions");
    expect(sent.auth).toBe("Bearer sk-test");
    expect(sent.body).toMatchObject({ model: "fake-model", temperature: 0, response_format: { type: "json_object" } });
    const prompt = promptOf(sent);
    expect(prompt.话术类别).toBe("营销类");
    expect(prompt.意向列表?.map((i) => i.key)).toEqual(MARKETING_INTENTS.map((i) => i.key));
    expect(prompt.对话).toContain("客户：洁牙多少钱？");
  });

  it("accepts a category named by its label, and a null intent", async () => {
    fake.reply = () => ({ kind: "json", content: answer({ intent: "没意向", callbackRequested: false, proposedTime: null }) });
    expect(await classifier().classify(call("marketing", "现在不考虑"))).toMatchObject({ intent: "notInterested", callbackRequested: false, proposedTime: null });
    fake.reply = () => ({ kind: "json", content: answer({ intent: null }) });
    expect((await classifier().classify(call("marketing", "你是哪位？"))).intent).toBeNull();
  });

  it("keeps the seed's 嗯嗯 = 有意向 rule for 营销类, but no other rule overrides the model's reading", async () => {
    fake.reply = () => ({ kind: "json", content: answer({ intent: "somewhatInterested", callbackRequested: false }) });
    const assent = await classifier().classify(call("marketing", "嗯嗯", "嗯"));
    expect(assent).toMatchObject({ intent: "interested", rule: "assentMarketing", summary: expect.any(String) });
    // The rules read an opt-out; the model does not: the model's answer stands and nobody goes on the DNC list.
    fake.reply = () => ({ kind: "json", content: answer({ intent: "notInterested", optOut: false }) });
    const misread = await classifier().classify(call("marketing", "以后别再给我打电话了"));
    expect(misread).toMatchObject({ intent: "notInterested", optOut: false, rule: "model" });
    // Both agree: opt-out, with the patient's sentence.
    fake.reply = () => ({ kind: "json", content: answer({ intent: "refused", optOut: true, trigger: "以后别再给我打电话了" }) });
    const agreed = await classifier().classify(call("marketing", "以后别再给我打电话了"));
    expect(agreed).toMatchObject({ intent: "refused", optOut: true, trigger: "以后别再给我打电话了" });
    // A complaint the model reads as a call-back request stays one, flagged as a complaint, never DNC.
    fake.reply = () => ({ kind: "json", content: answer({ intent: "needsCallback", callbackRequested: true, complaint: true, optOut: true, trigger: "我要投诉" }) });
    const complaint = await classifier().classify({ ...call("service", "补的牙又掉了，我要投诉！让你们负责人给我打电话"), intents: SURVEY_INTENTS });
    // (the model also flagged an opt-out, quoting words that ask nothing about calls: not trusted.)
    expect(complaint).toMatchObject({ intent: "needsCallback", complaint: true, callbackRequested: true, optOut: false });
  });

  it("sends the vendor's structured extraction as an input", async () => {
    let prompt = "";
    fake.reply = (request) => {
      prompt = JSON.stringify(promptOf(request));
      return { kind: "json", content: answer({ intent: "interested" }) };
    };
    await classifier().classify({ ...call("marketing", "好的周六过去"), vendorExtraction: { label: "A类-有意向", fields: { 预约时间: "周六" } } });
    expect(prompt).toContain("A类-有意向");
    expect(prompt).toContain("外呼平台的结构化结果");
  });

  it("rejects malformed JSON, a wrong shape and an intent outside the script's categories", async () => {
    fake.reply = () => ({ kind: "text", content: '{"intent":"interested","summary":"客户有意向' });
    expect((await failure(classifier().classify(call("marketing", "好的")))).code).toBe("invalidOutput");
    fake.reply = () => ({ kind: "json", content: { intent: "interested", summary: 3 } });
    expect((await failure(classifier().classify(call("marketing", "好的")))).code).toBe("invalidOutput");
    fake.reply = () => ({ kind: "json", content: answer({ intent: "confirmed" }) });
    const outside = await failure(classifier().classify(call("marketing", "好的")));
    expect(outside).toMatchObject({ code: "invalidOutput", message: expect.stringContaining("confirmed") });
  });

  it("reports 429 as rate limited (after the SDK's retries) and 5xx as unavailable", async () => {
    fake.reply = () => ({ kind: "status", status: 429 });
    expect((await failure(classifier().classify(call("marketing", "好的")))).code).toBe("rateLimited");
    fake.reply = () => ({ kind: "status", status: 503 });
    expect((await failure(classifier().classify(call("marketing", "好的")))).code).toBe("unavailable");
    const closed = new LlmIntentClassifier({ baseURL: "http://127.0.0.1:9/v1", model: "m", maxRetries: 0, timeoutMs: 5_000 });
    expect((await failure(closed.classify(call("marketing", "好的")))).code).toBe("unavailable");
  });

  it("retries a 429 once and then uses the answer", async () => {
    let calls = 0;
    fake.reply = () => (++calls === 1 ? { kind: "status", status: 429 } : { kind: "json", content: answer() });
    expect((await classifier({ maxRetries: 1 }).classify(call("marketing", "多少钱"))).intent).toBe("somewhatInterested");
    expect(calls).toBe(2);
  }, 15_000);

  it("gives up after the timeout when the server does not answer", async () => {
    fake.reply = () => ({ kind: "hang" });
    const error = await failure(classifier({ timeoutMs: 1_000 }).classify(call("marketing", "好的")));
    expect(error.code).toBe("timeout");
  });
});

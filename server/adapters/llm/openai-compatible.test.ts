import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AI_TEMPLATES } from "@/server/domain/templates/catalog";
import { composeDialogues } from "@/server/domain/templates/compose-dialogues";
import { LlmOutputInvalid, LlmUnavailable, type ScriptGenerationRequest } from "@/server/ports/llm";
import { OpenAiCompatibleScriptGenerator } from "./openai-compatible";

/** A local server speaking the chat-completions protocol; each test sets what it answers. */
let server: Server;
let baseURL: string;
let answer: (body: Record<string, unknown>) => { status: number; content?: string };
const requests: { body: Record<string, unknown>; auth: string | undefined; path: string | undefined }[] = [];

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    requests.push({ body, auth: req.headers.authorization, path: req.url });
    const { status, content } = answer(body);
    res.writeHead(status, { "content-type": "application/json" });
    if (status !== 200) return res.end(JSON.stringify({ error: { message: "upstream failure", type: "server_error" } }));
    res.end(
      JSON.stringify({
        id: "chatcmpl-1",
        object: "chat.completion",
        created: 1_700_000_000,
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const template = AI_TEMPLATES.find((t) => t.key === "appointment-reminder")!;
const request: ScriptGenerationRequest = {
  template: { ...template, scenarios: template.scenarios, description: template.description },
  params: { arriveEarly: "15分钟" },
  clinic: { shortName: "静安店", address: "上海市静安区南京西路1266号" },
};
const generator = () => new OpenAiCompatibleScriptGenerator({ baseURL, apiKey: "sk-test", model: "test-model", maxRetries: 0 });

describe("OpenAiCompatibleScriptGenerator", () => {
  it("asks for JSON with the template, parameters and clinic, and returns validated scenarios", async () => {
    const scenarios = composeDialogues(template, request.params).scenarios.map((s) => ({
      ...s,
      rounds: s.rounds.map((r, i) => (s.key === "main-1" && i === 0 ? { ...r, ai: "您好，这里是静安店，明天见！地址：上海市静安区南京西路1266号" } : r)),
    }));
    answer = () => ({ status: 200, content: JSON.stringify({ scenarios }) });

    const out = await generator().generateScriptDialogues(request);

    const sent = requests.at(-1)!;
    expect(sent.path).toBe("/v1/chat/completions");
    expect(sent.auth).toBe("Bearer sk-test");
    expect(sent.body).toMatchObject({ model: "test-model", response_format: { type: "json_object" } });
    const prompt = JSON.stringify(sent.body.messages);
    expect(prompt).toContain("预约到店提醒");
    expect(prompt).toContain("15分钟");
    expect(prompt).toContain("静安店");
    expect(out.map((s) => s.key)).toEqual(template.scenarios.map((s) => s.key));
    // The clinic's own name and address written by the model become call variables again.
    expect(out[0]!.rounds[0]!.ai).toBe("您好，这里是{clinicShortName}，明天见！地址：{clinicAddress}");
  });

  it("rejects output that is not the dialogue shape", async () => {
    answer = () => ({ status: 200, content: JSON.stringify({ scenarios: [{ key: "main-1", name: "主流程-1", rounds: [] }] }) });
    await expect(generator().generateScriptDialogues(request)).rejects.toBeInstanceOf(LlmOutputInvalid);
  });

  it("rejects output that is not JSON", async () => {
    answer = () => ({ status: 200, content: "好的，以下是为您生成的话术：您好……" });
    await expect(generator().generateScriptDialogues(request)).rejects.toBeInstanceOf(LlmOutputInvalid);
  });

  it("reports an unreachable or failing endpoint as unavailable", async () => {
    answer = () => ({ status: 500 });
    await expect(generator().generateScriptDialogues(request)).rejects.toBeInstanceOf(LlmUnavailable);
    const closed = new OpenAiCompatibleScriptGenerator({ baseURL: "http://127.0.0.1:9/v1", model: "m", maxRetries: 0 });
    await expect(closed.generateScriptDialogues(request)).rejects.toBeInstanceOf(LlmUnavailable);
  });
});

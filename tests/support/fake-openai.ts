import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake answers one chat-completions request with. */
export type FakeReply =
  | { kind: "json"; content: unknown }
  | { kind: "text"; content: string }
  | { kind: "status"; status: number }
  | { kind: "hang" }; // never answers (a timeout)

export interface FakeRequest {
  path: string | undefined;
  auth: string | undefined;
  body: { model?: string; messages?: { role: string; content: string }[]; response_format?: unknown } & Record<string, unknown>;
}

/**
 * A local OpenAI-compatible `/chat/completions` server for tests and the bench: each request is answered by `reply`
 * (fixed structured answers, malformed JSON, HTTP errors such as 429, or no answer at all).
 */
export class FakeOpenAi {
  readonly requests: FakeRequest[] = [];
  reply: (request: FakeRequest) => FakeReply = () => ({ kind: "status", status: 500 });
  private server: Server | null = null;
  private readonly open = new Set<ServerResponse>();

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const request: FakeRequest = { path: req.url, auth: req.headers.authorization, body: raw ? JSON.parse(raw) : {} };
    this.requests.push(request);
    const reply = this.reply(request);
    if (reply.kind === "hang") {
      this.open.add(res);
      res.on("close", () => this.open.delete(res));
      return;
    }
    if (reply.kind === "status") {
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: reply.status === 429 ? "Rate limit reached" : "upstream failure", type: "server_error" } }));
      return;
    }
    const content = reply.kind === "json" ? JSON.stringify(reply.content) : reply.content;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: 1_700_000_000,
        model: request.body.model,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  }
}

/** The transcript lines of the last user prompt the fake received ("AI：…", "客户：…"). */
export function promptOf(request: FakeRequest): { 话术类别?: string; 意向列表?: { key: string; 名称: string }[]; 对话?: string[] } {
  const user = request.body.messages?.find((m) => m.role === "user")?.content ?? "{}";
  try {
    return JSON.parse(typeof user === "string" ? user : JSON.stringify(user));
  } catch {
    return {};
  }
}

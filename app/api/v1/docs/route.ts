import { openApiDocument } from "@/server/services/api/v1/openapi";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A readable reference of /api/v1, rendered from the same OpenAPI document (no script, no outside assets). Public. */
export function GET(request: Request) {
  const doc = openApiDocument(new URL(request.url).origin);
  const sections = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const op = raw as { summary: string; operationId: string; "x-scope": string; parameters?: unknown[]; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }> };
      const ok = op.responses["201"] ?? op.responses["200"];
      return `<section id="${esc(op.operationId)}"><h2><code>${method.toUpperCase()} ${esc(path)}</code></h2><p>${esc(op.summary)} · scope <b>${esc(op["x-scope"])}</b></p>${
        op.parameters ? `<h3>Parameters</h3><pre>${esc(JSON.stringify(op.parameters, null, 2))}</pre>` : ""
      }${op.requestBody ? `<h3>Request body</h3><pre>${esc(JSON.stringify(op.requestBody.content["application/json"]?.schema, null, 2))}</pre>` : ""}<h3>Response</h3><pre>${esc(
        JSON.stringify(ok?.content?.["application/json"]?.schema ?? {}, null, 2),
      )}</pre></section>`;
    }),
  );
  const webhooks = Object.entries(doc.webhooks).map(([event, item]) => {
    const body = item.post.requestBody.content["application/json"].schema;
    return `<section id="webhook-${esc(event)}"><h2>Webhook <code>${esc(event)}</code></h2><p>${esc(item.post.summary)}</p><h3>Body</h3><pre>${esc(JSON.stringify(body, null, 2))}</pre></section>`;
  });
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.info.title)}</title><style>body{font:14px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#111}pre{background:#f5f5f5;padding:.75rem;overflow:auto;font-size:12px}h2{margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}</style></head><body><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description)}</p><p>认证 / Auth: <code>Authorization: Bearer zwk_…</code> · <a href="/api/v1/openapi.json">openapi.json</a> · 错误 / Errors: <code>application/problem+json</code> (RFC 9457)</p><nav><ul>${Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.entries(methods).map(([m, o]) => `<li><a href="#${esc((o as { operationId: string }).operationId)}">${m.toUpperCase()} ${esc(path)}</a></li>`))
    .join("")}${Object.keys(doc.webhooks)
    .map((event) => `<li><a href="#webhook-${esc(event)}">Webhook ${esc(event)}</a></li>`)
    .join("")}</ul></nav>${sections.join("")}${webhooks.join("")}</body></html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { appPorts } from "@/server/adapters/app-ports";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { appErrorResponse, routeParam } from "@/server/http/app-error-response";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { handleTrpcRequest } from "@/server/trpc/handle-request";
import { TRPC_MAX_BATCH } from "@/lib/trpc-limits";
import { seeded, testDb } from "./fixtures";

/** Issue 23, findings 4 and 7: what a client sees of errors and batches over HTTP (the formatter runs only there). */
let viewer: Viewer;
beforeAll(async () => {
  const s = await seeded();
  viewer = (await loadViewer(testDb(), s.a.admin.id))!;
});
afterEach(() => vi.restoreAllMocks());

async function call(procedure: string, input: unknown, db: PrismaClient = testDb(), method: "GET" | "POST" = "GET") {
  const encoded = encodeURIComponent(JSON.stringify({ json: input }));
  const url = `http://app.test/api/trpc/${procedure}${method === "GET" ? `?input=${encoded}` : ""}`;
  const req = new Request(url, method === "GET" ? {} : { method, body: JSON.stringify({ json: input }), headers: { "content-type": "application/json" } });
  const res = await handleTrpcRequest(req, () => ({ db, viewer, ports: appPorts }));
  const body = (await res.json()) as { error?: { json: { message: string; data: Record<string, unknown> } } };
  return { status: res.status, error: body.error?.json };
}

describe("tRPC errors", () => {
  it("a NUL byte in an id or a string is a 400 with a plain message, for queries and mutations alike", async () => {
    for (const [procedure, input, method] of [
      ["patients.byId", { id: "a\u0000b" }, "GET"],
      ["callRecords.list", { q: "\u0000" }, "GET"],
      ["segments.count", { definition: { conditions: [{ kind: "tags", tags: ["a\u0000"] }] } }, "GET"],
      ["clinics.update", { id: "x\u0000", name: "门店" }, "POST"],
      ["scripts.create", { kind: "ai", name: "a\u0000b" }, "POST"],
    ] as const) {
      const { status, error } = await call(procedure, input, testDb(), method);
      expect({ procedure, status, message: error?.message }).toEqual({ procedure, status: 400, message: "输入包含不允许的控制字符" });
    }
  });

  it("anything but our own errors becomes a generic message with an id; the details are only in the server log", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = new Proxy(testDb(), {
      get(target, prop, receiver) {
        if (prop !== "patient") return Reflect.get(target, prop, receiver);
        return {
          findFirst: () => Promise.reject(new Error("Invalid `db.patient.findFirst()` invocation in /app/.next/server/chunks/123.js: Database error. Code: `22021`")),
        };
      },
    }) as PrismaClient;
    const { status, error } = await call("patients.byId", { id: "cm000000000000000000000000" }, failing);
    expect(status).toBe(500);
    expect(error!.message).toMatch(/^服务器内部错误，请稍后重试（错误编号 [0-9A-F]{10}）$/);
    expect(JSON.stringify(error)).not.toMatch(/findFirst|22021|chunks|Database/);
    const errorId = error!.data.errorId as string;
    expect(error!.message).toContain(errorId);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(errorId), expect.objectContaining({ message: expect.stringContaining("22021") }));
  });

  it("zod's own messages are zh-CN too", async () => {
    const { status, error } = await call("patients.byId", { id: 5 });
    expect(status).toBe(400);
    expect(error!.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(error!.message).not.toMatch(/Invalid|expected/);
  });

  it("an impossible date is a 400 saying so, not a query for it", async () => {
    expect(await call("callRecords.list", { from: "2026-13-45" })).toMatchObject({ status: 400, error: { message: "日期不存在" } });
  });

  it("keeps our own messages and validation messages", async () => {
    const missing = await call("patients.byId", { id: "cm000000000000000000000000" });
    expect(missing).toMatchObject({ status: 404, error: { message: "患者不存在或无权访问" } });
    const invalid = await call("journeys.create", { name: "", clinicId: "x" }, testDb(), "POST");
    expect(invalid).toMatchObject({ status: 400, error: { message: "请输入旅程名称", data: { zodError: { fieldErrors: { name: ["请输入旅程名称"] } } } } });
  });
});

describe("route handler errors", () => {
  it("an id with a control character is a 400; an unexpected error a generic 500 with an id", async () => {
    const bad = (() => {
      try {
        return routeParam("a\u0000b");
      } catch (e) {
        return appErrorResponse(e);
      }
    })() as Response;
    expect(bad.status).toBe(400);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = appErrorResponse(new Error("Invalid `prisma.call.findFirst()` invocation"));
    const body = (await res.json()) as { error: { message: string; errorId: string } };
    expect(res.status).toBe(500);
    expect(body.error.message).toBe(`服务器内部错误，请稍后重试（错误编号 ${body.error.errorId}）`);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(body.error.errorId), expect.any(Error));
  });
});

describe("tRPC batches", () => {
  async function batch(n: number) {
    const paths = Array.from({ length: n }, () => "me").join(",");
    const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]))));
    const res = await handleTrpcRequest(new Request(`http://app.test/api/trpc/${paths}?batch=1&input=${input}`), () => ({ db: testDb(), viewer, ports: appPorts }));
    return res.status;
  }
  it(`runs up to ${TRPC_MAX_BATCH} calls in one request and refuses a bigger batch with a 400, running none of it`, async () => {
    expect(await batch(TRPC_MAX_BATCH)).toBe(200);
    expect(await batch(TRPC_MAX_BATCH + 1)).toBe(400);
    expect(await batch(300)).toBe(400);
  });
});

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStorage } from "./index";
import { S3Storage } from "./s3-storage";

interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/** Just enough of the S3 REST API (path-style PUT/GET/DELETE object) to check what the adapter sends. */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const seen: SeenRequest[] = [];
  let failNext: number | null = null;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    seen.push({ method: req.method ?? "", path, headers: req.headers, body });
    const xmlError = (status: number, code: string) => {
      res.writeHead(status, { "content-type": "application/xml" });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message><RequestId>1</RequestId></Error>`);
    };
    if (failNext) {
      const status = failNext;
      failNext = null;
      return xmlError(status, status === 403 ? "AccessDenied" : "InternalError");
    }
    if (req.method === "PUT") {
      objects.set(path, { body, contentType: String(req.headers["content-type"]) });
      res.writeHead(200, { etag: '"abc"' });
      return res.end();
    }
    if (req.method === "GET") {
      const obj = objects.get(path);
      if (!obj) return xmlError(404, "NoSuchKey");
      res.writeHead(200, { "content-type": obj.contentType, "content-length": obj.body.byteLength });
      return res.end(obj.body);
    }
    if (req.method === "DELETE") {
      objects.delete(path);
      res.writeHead(204);
      return res.end();
    }
    xmlError(405, "MethodNotAllowed");
  });
  return { server, objects, seen, failWith: (status: number) => (failNext = status) };
}

describe("S3Storage against a local S3-compatible server", () => {
  const s3 = fakeS3();
  let storage: S3Storage;

  beforeAll(async () => {
    await new Promise<void>((resolve) => s3.server.listen(0, "127.0.0.1", resolve));
    const { port } = s3.server.address() as AddressInfo;
    storage = new S3Storage({
      endpoint: `http://127.0.0.1:${port}`,
      region: "cn-test-1",
      bucket: "zw-docs",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret-example-key",
      forcePathStyle: true,
    });
  });
  afterAll(() => new Promise<void>((resolve) => s3.server.close(() => resolve())));
  beforeEach(() => {
    s3.seen.length = 0;
  });

  it("PUTs the object path-style with its content type, length and a SigV4 signature", async () => {
    const body = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
    await storage.put("qualification/c1/a1/businessLicense-x.pdf", body, { contentType: "application/pdf" });
    const req = s3.seen.at(-1)!;
    expect(req.method).toBe("PUT");
    expect(req.path).toBe("/zw-docs/qualification/c1/a1/businessLicense-x.pdf");
    expect(req.headers["content-type"]).toBe("application/pdf");
    expect(req.headers["content-length"]).toBe("6");
    expect(req.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-test-1\/s3\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/);
    expect(req.headers["x-amz-content-sha256"]).toBeDefined();
    expect([...req.body]).toEqual([...body]);
  });

  it("GETs an object back with its content type, and null for a missing key", async () => {
    await storage.put("a/b.png", new Uint8Array([1, 2, 3]), { contentType: "image/png" });
    const got = await storage.get("a/b.png");
    expect(got).toMatchObject({ contentType: "image/png", size: 3 });
    expect([...got!.body]).toEqual([1, 2, 3]);
    expect(s3.seen.at(-1)).toMatchObject({ method: "GET", path: "/zw-docs/a/b.png" });

    expect(await storage.get("a/missing.png")).toBeNull();
  });

  it("DELETEs the object", async () => {
    await storage.put("a/c.jpg", new Uint8Array([9]), { contentType: "image/jpeg" });
    await storage.delete("a/c.jpg");
    expect(s3.seen.at(-1)).toMatchObject({ method: "DELETE", path: "/zw-docs/a/c.jpg" });
    expect(s3.objects.has("/zw-docs/a/c.jpg")).toBe(false);
    expect(await storage.get("a/c.jpg")).toBeNull();
  });

  it("surfaces other errors instead of pretending the object is missing", async () => {
    s3.failWith(403);
    await expect(storage.get("a/b.png")).rejects.toMatchObject({ name: "AccessDenied" });
  });

  it("refuses keys that could escape the bucket prefix before sending anything", async () => {
    await expect(storage.put("../x", new Uint8Array([1]), { contentType: "text/plain" })).rejects.toThrow(/invalid storage key/);
    expect(s3.seen).toHaveLength(0);
  });
});

describe("createStorage", () => {
  it("selects S3 with STORAGE_DRIVER=s3 and insists on a bucket", () => {
    expect(createStorage({ STORAGE_DRIVER: "s3", S3_BUCKET: "b", S3_ENDPOINT: "http://127.0.0.1:9" })).toBeInstanceOf(S3Storage);
    expect(() => createStorage({ STORAGE_DRIVER: "s3" })).toThrow(/S3_BUCKET/);
    expect(createStorage({})).not.toBeInstanceOf(S3Storage);
  });
});

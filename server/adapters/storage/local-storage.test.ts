import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalStorage } from "./local-storage";

describe("LocalStorage", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "zw-storage-"));
  const storage = new LocalStorage(root);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("stores, reads back and deletes an object with its content type", async () => {
    await storage.put("a/b/file.pdf", new Uint8Array([37, 80, 68, 70]), { contentType: "application/pdf" });
    const got = await storage.get("a/b/file.pdf");
    expect(got).toMatchObject({ contentType: "application/pdf", size: 4 });
    expect([...got!.body]).toEqual([37, 80, 68, 70]);
    await storage.delete("a/b/file.pdf");
    expect(await storage.get("a/b/file.pdf")).toBeNull();
  });

  it("refuses keys that would leave the root", async () => {
    for (const key of ["../x", "a/../../x", "/etc/passwd", "a//b", ""]) {
      await expect(storage.put(key, new Uint8Array(), { contentType: "text/plain" })).rejects.toThrow(/invalid storage key/);
    }
  });
});

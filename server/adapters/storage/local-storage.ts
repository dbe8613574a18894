import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { assertStorageKey, type ObjectStorage, type StoredObject } from "@/server/ports/storage";

/** Files under a root directory (default .data/storage); the content type sits beside each object in "<key>.meta.json". */
export class LocalStorage implements ObjectStorage {
  constructor(private readonly root: string) {}

  private file(key: string) {
    assertStorageKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, body: Uint8Array, { contentType }: { contentType: string }): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half an object.
    const tmp = `${file}.${randomUUID()}.tmp`;
    await writeFile(tmp, body);
    await writeFile(`${file}.meta.json`, JSON.stringify({ contentType, size: body.byteLength }));
    await rename(tmp, file);
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.file(key);
    try {
      const [body, meta] = await Promise.all([readFile(file), readFile(`${file}.meta.json`, "utf8")]);
      const { contentType } = JSON.parse(meta) as { contentType: string };
      return { body, contentType, size: body.byteLength };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await Promise.all([rm(file, { force: true }), rm(`${file}.meta.json`, { force: true })]);
  }
}

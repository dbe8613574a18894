import type { ObjectStorage, StoredObject } from "@/server/ports/storage";
import { assertStorageKey } from "@/server/ports/storage";

/** Object storage in a Map, for tests that must not touch the disk. */
export class MemoryStorage implements ObjectStorage {
  readonly objects = new Map<string, StoredObject>();

  async put(key: string, body: Uint8Array, { contentType }: { contentType: string }) {
    assertStorageKey(key);
    this.objects.set(key, { body: Buffer.from(body), contentType, size: body.byteLength });
  }

  async get(key: string) {
    assertStorageKey(key);
    return this.objects.get(key) ?? null;
  }

  async delete(key: string) {
    this.objects.delete(key);
  }
}

import path from "node:path";
import type { ObjectStorage } from "@/server/ports/storage";
import { LocalStorage } from "./local-storage";
import { s3ConfigFromEnv, S3Storage } from "./s3-storage";

let storage: ObjectStorage | undefined;

/**
 * The app's object storage: local disk under DATA_DIR/storage by default; an S3-compatible bucket with
 * STORAGE_DRIVER=s3 (S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE).
 */
export function getStorage(): ObjectStorage {
  return (storage ??= createStorage(process.env));
}

export function createStorage(env: Record<string, string | undefined>): ObjectStorage {
  if (env.STORAGE_DRIVER === "s3") return new S3Storage(s3ConfigFromEnv(env));
  return new LocalStorage(path.resolve(env.DATA_DIR || ".data", "storage"));
}

/** Tests swap in their own storage. */
export function setStorageForTests(next: ObjectStorage | undefined) {
  storage = next;
}

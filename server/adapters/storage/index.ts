import path from "node:path";
import type { ObjectStorage } from "@/server/ports/storage";
import { LocalStorage } from "./local-storage";

let storage: ObjectStorage | undefined;

/**
 * The app's object storage: local disk under DATA_DIR/storage by default.
 * (The S3-compatible adapter is selected here by STORAGE_DRIVER=s3 once it exists.)
 */
export function getStorage(): ObjectStorage {
  return (storage ??= new LocalStorage(path.resolve(process.env.DATA_DIR ?? ".data", "storage")));
}

/** Tests swap in their own storage. */
export function setStorageForTests(next: ObjectStorage | undefined) {
  storage = next;
}

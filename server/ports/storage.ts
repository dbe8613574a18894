/** Object storage for uploaded documents, voice samples, script audio and call recordings. */
export interface StoredObject {
  body: Buffer;
  contentType: string;
  size: number;
}

export interface ObjectStorage {
  /** Writes the whole object; an existing key is replaced. Keys are "/"-separated, e.g. "qualification/<id>/license.pdf". */
  put(key: string, body: Uint8Array, options: { contentType: string }): Promise<void>;
  /** null when the key does not exist. */
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

const KEY_RE = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

/** Keys come from our own code, never from user input, but a bad key must never escape the storage root. */
export function assertStorageKey(key: string): void {
  if (!KEY_RE.test(key) || key.split("/").some((part) => part === "" || part === "." || part === "..")) {
    throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  }
}

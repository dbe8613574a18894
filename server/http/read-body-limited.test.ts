import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBodyLimited } from "./read-body-limited";

function streamOf(chunks: Uint8Array[], onPull?: () => void) {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else controller.close();
    },
  });
}

describe("readBodyLimited", () => {
  it("reads a body up to the limit", async () => {
    const body = await readBodyLimited(streamOf([new Uint8Array([1, 2]), new Uint8Array([3])]), 3);
    expect([...body]).toEqual([1, 2, 3]);
  });

  it("stops reading as soon as the limit is passed", async () => {
    let pulls = 0;
    const endless = streamOf(Array.from({ length: 1000 }, () => new Uint8Array(1024)), () => pulls++);
    await expect(readBodyLimited(endless, 4096)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulls).toBeLessThan(10);
  });

  it("refuses a declared length over the limit without reading", async () => {
    let pulls = 0;
    await expect(readBodyLimited(streamOf([new Uint8Array(10)], () => pulls++), 5, "10")).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulls).toBeLessThanOrEqual(1); // a stream may pull once on creation; nothing is consumed
  });

  it("returns an empty body for no stream", async () => {
    expect((await readBodyLimited(null, 10)).byteLength).toBe(0);
  });
});

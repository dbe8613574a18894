import { parseByteRange } from "./byte-range";
import { contentDisposition } from "./content-disposition";

export interface AudioResponseOptions {
  contentType?: string;
  /** "immutable" when the URL names the content (a hash of text and voice); "no-store" for a call's recording. */
  cache?: "immutable" | "no-store";
  /** Named inline (a player) or as an attachment (a download, always the whole file). */
  disposition?: { type: "inline" | "attachment"; fileName: string };
}

const CACHE_CONTROL = { immutable: "private, max-age=86400, immutable", "no-store": "private, no-store" } as const;

/** An audio answer for an <audio> element: byte ranges (so it can seek), private caching. */
export function audioResponse(request: Request, body: Uint8Array, options: AudioResponseOptions = {}): Response {
  const { contentType = "audio/mpeg", cache = "immutable", disposition } = options;
  const headers = new Headers({
    "Content-Type": contentType,
    ...(disposition ? { "Content-Disposition": contentDisposition(disposition.type, disposition.fileName) } : {}),
    "Accept-Ranges": "bytes",
    "Cache-Control": CACHE_CONTROL[cache],
    "X-Content-Type-Options": "nosniff",
  });
  const size = body.byteLength;
  const range = disposition?.type === "attachment" ? null : parseByteRange(request.headers.get("range"), size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  if (range) {
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
    headers.set("Content-Length", String(range.end - range.start + 1));
    return new Response(new Uint8Array(body.subarray(range.start, range.end + 1)), { status: 206, headers });
  }
  headers.set("Content-Length", String(size));
  return new Response(new Uint8Array(body), { headers });
}

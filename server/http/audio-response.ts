import { parseByteRange } from "./byte-range";

/** An mp3 answer for an <audio> element: byte ranges (so it can seek), private caching of immutable content. */
export function audioResponse(request: Request, body: Uint8Array, contentType = "audio/mpeg"): Response {
  const headers = new Headers({
    "Content-Type": contentType,
    "Accept-Ranges": "bytes",
    // The URL names the content (a hash of text and voice), so the browser may keep it.
    "Cache-Control": "private, max-age=86400, immutable",
    "X-Content-Type-Options": "nosniff",
  });
  const size = body.byteLength;
  const range = parseByteRange(request.headers.get("range"), size);
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

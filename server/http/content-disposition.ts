import { BIDI_CONTROLS } from "@/server/domain/files/file-name";

/**
 * Content-Disposition with an ASCII fallback `filename` and the exact UTF-8 name in `filename*` (RFC 6266 / RFC 5987),
 * so 营业执照.pdf downloads under its Chinese name and old clients still get something sensible. Bidi controls are dropped.
 */
export function contentDisposition(type: "inline" | "attachment", rawName: string): string {
  const fileName = rawName.replace(BIDI_CONTROLS, "");
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "download";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * 资质材料 may be JPG, PNG or PDF, at most 10 MB. The type is recognised from the file's first bytes (magic numbers),
 * never from its name or the browser's claimed type, so a renamed text file is refused.
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type DocumentFileType = { mimeType: "image/jpeg"; ext: "jpg" } | { mimeType: "image/png"; ext: "png" } | { mimeType: "application/pdf"; ext: "pdf" };

const SIGNATURES: { bytes: readonly number[]; type: DocumentFileType }[] = [
  { bytes: [0xff, 0xd8, 0xff], type: { mimeType: "image/jpeg", ext: "jpg" } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { mimeType: "image/png", ext: "png" } },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { mimeType: "application/pdf", ext: "pdf" } }, // "%PDF-"
];

/** Bytes needed to recognise every accepted type. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((s) => s.bytes.length));

export function sniffDocumentType(head: Uint8Array): DocumentFileType | null {
  const match = SIGNATURES.find((s) => s.bytes.length <= head.length && s.bytes.every((b, i) => head[i] === b));
  return match ? match.type : null;
}

export type DocumentCheck = { ok: true; type: DocumentFileType } | { ok: false; reason: "empty" | "tooLarge" | "unsupportedType" };

/** The whole rule for one uploaded file: not empty, within 10 MB, and really a JPG, PNG or PDF. */
export function checkDocumentFile(bytes: Uint8Array): DocumentCheck {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { ok: false, reason: "tooLarge" };
  const type = sniffDocumentType(bytes.subarray(0, SNIFF_BYTES));
  return type ? { ok: true, type } : { ok: false, reason: "unsupportedType" };
}

export const DOCUMENT_CHECK_MESSAGES: Record<Exclude<DocumentCheck, { ok: true }>["reason"], string> = {
  empty: "文件为空，请重新选择",
  tooLarge: "文件超过 10 MB，请压缩后重新上传",
  unsupportedType: "仅支持 JPG、PNG 或 PDF 格式的文件（按文件内容识别，修改扩展名无效）",
};

import type { QualificationDocumentKind } from "@/server/domain/qualification/document-kinds";
import { MAX_DOCUMENT_BYTES, SNIFF_BYTES, sniffDocumentType } from "@/server/domain/qualification/sniff-file-type";

export interface UploadedDocument {
  id: string;
  kind: QualificationDocumentKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: string | Date;
}

export type UploadResult = { ok: true; document: UploadedDocument } | { ok: false; message: string };

/**
 * The same size and magic-number rule the server applies, checked in the browser first so a wrong file is refused at
 * once instead of after a 10 MB upload. The server checks again; this is only for speed.
 */
export async function precheckFile(file: File): Promise<"tooLarge" | "badType" | null> {
  if (file.size > MAX_DOCUMENT_BYTES) return "tooLarge";
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffDocumentType(head) ? null : "badType";
}

/** POSTs one document to the upload route; the server's zh-CN message comes back on refusal. */
export async function uploadDocument(kind: QualificationDocumentKind, file: File, messages: { network: string; failed: string }): Promise<UploadResult> {
  const form = new FormData();
  form.set("kind", kind);
  form.set("file", file);
  try {
    const res = await fetch("/api/qualification/documents", { method: "POST", body: form });
    const body = (await res.json().catch(() => null)) as { document?: UploadedDocument; error?: { message?: string } } | null;
    if (!res.ok || !body?.document) return { ok: false, message: body?.error?.message ?? messages.failed };
    return { ok: true, document: body.document };
  } catch {
    return { ok: false, message: messages.network };
  }
}

export const documentUrl = (id: string, download = false) => `/api/qualification/documents/${id}${download ? "?download=1" : ""}`;

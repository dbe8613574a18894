import { QUALIFICATION_DOCUMENT_LABELS, type QualificationDocumentKind } from "./document-kinds";
import type { DocumentFileType } from "./sniff-file-type";

const MAX_NAME = 100;

/**
 * The name a stored document is shown and downloaded under: the uploader's file name without any path or control
 * characters, with the extension of what the bytes really are (a JPG named "x.png" is served as "x.jpg").
 */
export function documentFileName(original: string, type: DocumentFileType, kind: QualificationDocumentKind): string {
  const base = (original.split(/[\\/]/).pop() ?? "")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim();
  const stem = base.replace(/\.[^.]*$/, "").trim() || QUALIFICATION_DOCUMENT_LABELS[kind];
  return `${[...stem].slice(0, MAX_NAME).join("")}.${type.ext}`;
}

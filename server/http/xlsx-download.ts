import { Readable } from "node:stream";
import { contentDisposition } from "./content-disposition";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A streamed .xlsx export as a private, never-cached download under its (Chinese) file name. */
export function xlsxDownload(fileName: string, stream: Readable): Response {
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": contentDisposition("attachment", fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

"use client";

import { Download, ExternalLink, FileText } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { documentUrl } from "@/components/onboarding/upload-document";
import type { QualificationDocumentKind } from "@/server/domain/qualification/document-kinds";

interface Doc {
  id: string;
  kind: QualificationDocumentKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

const kb = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** One document for the reviewer: images inline (click to enlarge), PDFs embedded; both can open in a tab or download. */
export function DocumentPreview({ doc }: { doc: Doc }) {
  const t = useTranslations("qualificationReview");
  const tcommon = useTranslations("common");
  const to = useTranslations("onboarding");
  const label = to(`kind_${doc.kind}`);
  const isImage = doc.mimeType.startsWith("image/");

  return (
    <figure className="flex flex-col rounded-lg border bg-background p-3" data-testid={`review-document-${doc.kind}`}>
      <figcaption className="mb-2 flex items-center justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-xs text-muted-foreground">{kb(doc.sizeBytes)}</span>
      </figcaption>
      <div className="aspect-[4/3] overflow-hidden rounded-md border bg-muted/40">
        {isImage ? (
          <Dialog>
            <DialogTrigger asChild>
              <button type="button" className="h-full w-full cursor-zoom-in" title={t("zoom")}>
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our own access-checked route */}
                <img src={documentUrl(doc.id)} alt={label} className="h-full w-full object-contain" />
              </button>
            </DialogTrigger>
            <DialogContent className="max-w-4xl">
              <DialogTitle>{label}</DialogTitle>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={documentUrl(doc.id)} alt={label} className="max-h-[75vh] w-full object-contain" />
            </DialogContent>
          </Dialog>
        ) : (
          <object data={documentUrl(doc.id)} type="application/pdf" className="h-full w-full" aria-label={label}>
            <div className="flex h-full flex-col items-center justify-center gap-2 text-xs text-muted-foreground">
              <FileText className="size-10 text-primary" aria-hidden />
              {doc.fileName}
            </div>
          </object>
        )}
      </div>
      <div className="mt-2 flex items-center gap-1">
        <span className="min-w-0 flex-1 truncate text-xs text-muted-foreground" title={doc.fileName}>
          {doc.fileName}
        </span>
        <Button asChild size="icon-sm" variant="ghost" title={t("openInNewTab")}>
          <a href={documentUrl(doc.id)} target="_blank" rel="noopener noreferrer" aria-label={tcommon("labelValue", { label: t("openInNewTab"), value: label })}>
            <ExternalLink />
          </a>
        </Button>
        <Button asChild size="icon-sm" variant="ghost" title={t("download")}>
          <a href={documentUrl(doc.id, true)} download={doc.fileName} aria-label={tcommon("labelValue", { label: t("download"), value: label })} data-testid={`download-${doc.kind}`}>
            <Download />
          </a>
        </Button>
      </div>
    </figure>
  );
}

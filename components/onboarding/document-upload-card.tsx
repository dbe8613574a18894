"use client";

import { useEffect, useRef, useState } from "react";
import { AlertCircle, CheckCircle2, FileText, Loader2, RotateCcw, Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { QualificationDocumentKind } from "@/server/domain/qualification/document-kinds";
import { documentUrl, precheckFile, uploadDocument, type UploadedDocument } from "./upload-document";

const ACCEPT = "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf";

interface Props {
  kind: QualificationDocumentKind;
  document: UploadedDocument | undefined;
  disabled: boolean;
  onUploaded: (document: UploadedDocument) => void;
}

type State = { phase: "idle" } | { phase: "uploading"; file: File } | { phase: "error"; file: File | null; message: string };

/** One 资质材料 slot: choose, preview (images), upload, see the stored file, replace; a failed upload keeps the file for 重试. */
export function DocumentUploadCard({ kind, document, disabled, onUploaded }: Props) {
  const t = useTranslations("onboarding");
  const tcommon = useTranslations("common");
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ phase: "idle" });
  const [localPreview, setLocalPreview] = useState<string | null>(null);

  useEffect(() => () => void (localPreview && URL.revokeObjectURL(localPreview)), [localPreview]);

  async function start(file: File) {
    setLocalPreview(file.type.startsWith("image/") ? URL.createObjectURL(file) : null); // the effect revokes the old one
    const problem = await precheckFile(file);
    if (problem) {
      setState({ phase: "error", file: null, message: t(problem === "tooLarge" ? "fileTooLarge" : "fileTypeInvalid") });
      return;
    }
    setState({ phase: "uploading", file });
    const result = await uploadDocument(kind, file, { network: t("networkError"), failed: t("uploadFailed") });
    if (!result.ok) {
      setState({ phase: "error", file, message: result.message });
      return;
    }
    setState({ phase: "idle" });
    onUploaded(result.document);
  }

  const uploading = state.phase === "uploading";
  const storedIsImage = document?.mimeType.startsWith("image/");
  // While uploading or after a failure, preview what was chosen; otherwise what is stored.
  const preview = state.phase !== "idle" && localPreview ? localPreview : storedIsImage && document ? documentUrl(document.id) : null;

  return (
    <div
      className={cn("flex flex-col rounded-lg border bg-background p-4", state.phase === "error" && "border-destructive/60")}
      data-testid={`document-${kind}`}
    >
      <div className="mb-3 flex items-start justify-between gap-2">
        <div>
          <div className="font-medium">
            <span className="text-destructive">*</span>
            {t(`kind_${kind}`)}
          </div>
          <p className="text-xs text-muted-foreground">{t(`kindHint_${kind}`)}</p>
        </div>
        {document && state.phase === "idle" && (
          <span className="inline-flex shrink-0 items-center gap-1 whitespace-nowrap text-xs text-emerald-700" data-testid={`uploaded-${kind}`}>
            <CheckCircle2 className="size-3.5" />
            {t("uploaded")}
          </span>
        )}
      </div>

      <button
        type="button"
        disabled={disabled || uploading}
        onClick={() => input.current?.click()}
        className="relative flex aspect-[4/3] w-full items-center justify-center overflow-hidden rounded-md border border-dashed bg-muted/40 text-sm text-muted-foreground transition-colors hover:border-primary hover:text-primary disabled:cursor-not-allowed disabled:hover:border-border"
        aria-label={tcommon("labelValue", { label: t(document ? "reupload" : "chooseFile"), value: t(`kind_${kind}`) })}
      >
        {preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- user files served by our own route
          <img src={preview} alt={t(`kind_${kind}`)} className="h-full w-full object-contain" data-testid={`preview-${kind}`} />
        ) : document && !storedIsImage && state.phase === "idle" ? (
          <span className="flex flex-col items-center gap-2 px-3 text-center">
            <FileText className="size-10 text-primary" aria-hidden />
            <span className="line-clamp-2 break-all text-xs text-foreground">{document.fileName}</span>
            <span className="text-xs">{t("pdfFile")}</span>
          </span>
        ) : (
          <span className="flex flex-col items-center gap-2">
            <Upload className="size-6" aria-hidden />
            {t("dropHint")}
          </span>
        )}
        {uploading && (
          <span className="absolute inset-0 flex items-center justify-center gap-2 bg-background/70 text-foreground">
            <Loader2 className="size-4 animate-spin" />
            {t("uploading")}
          </span>
        )}
      </button>

      {state.phase === "error" && (
        <p className="mt-2 flex items-start gap-1 text-xs text-destructive" role="alert" data-testid={`error-${kind}`}>
          <AlertCircle className="mt-0.5 size-3.5 shrink-0" />
          {state.message}
        </p>
      )}

      <div className="mt-3 flex flex-wrap items-center gap-2">
        {state.phase === "error" && state.file && (
          <Button type="button" size="sm" onClick={() => start(state.file!)} disabled={disabled}>
            <RotateCcw className="size-3.5" />
            {t("retry")}
          </Button>
        )}
        <Button type="button" size="sm" variant="outline" disabled={disabled || uploading} onClick={() => input.current?.click()}>
          {t(document ? "reupload" : "chooseFile")}
        </Button>
        {document && (
          <Button asChild type="button" size="sm" variant="ghost">
            <a href={documentUrl(document.id)} target="_blank" rel="noopener noreferrer">
              {t("view")}
            </a>
          </Button>
        )}
      </div>

      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        className="sr-only"
        tabIndex={-1}
        aria-label={t(`kind_${kind}`)}
        data-testid={`file-${kind}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ""; // choosing the same file again still fires
          if (file) void start(file);
        }}
      />
    </div>
  );
}

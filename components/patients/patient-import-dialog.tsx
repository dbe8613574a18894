"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportMapping } from "@/server/domain/patients/import/fields";

interface Uploaded {
  jobId: string;
  fileName: string;
  headers: string[];
  preview: string[][];
  rows: number;
  mapping: ImportMapping;
}

const NONE = "__none__";

/** 患者管理 → 导入患者: upload, map columns (the company's last mapping is offered), preview, then follow the run. */
export function PatientImportDialog() {
  const t = useTranslations("patientImport");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [duplicateMode, setDuplicateMode] = useState<"update" | "skip">("skip");
  const [jobId, setJobId] = useState<string | null>(null);

  const start = useMutation(
    trpc.patients.importStart.mutationOptions({
      onSuccess: (r) => setJobId(r.jobId),
      onError: (e) => toast.error(e.message),
    }),
  );
  const status = useQuery({
    ...trpc.patients.importStatus.queryOptions({ jobId: jobId ?? "" }),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "done" || q.state.data.status === "failed") ? false : 1_000),
  });
  const job = status.data;
  const finished = job?.status === "done" || job?.status === "failed";

  const reset = () => {
    setUploaded(null);
    setMapping({});
    setJobId(null);
    setDuplicateMode("skip");
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    try {
      const form = new FormData();
      form.set("file", file);
      const res = await fetch("/api/patient-imports", { method: "POST", body: form });
      const body = (await res.json().catch(() => null)) as (Uploaded & { error?: { message?: string } }) | null;
      if (!res.ok || !body?.jobId) {
        toast.error(body?.error?.message ?? t("uploadFailed"));
        return;
      }
      setUploaded(body);
      setMapping(body.mapping);
    } catch {
      toast.error(t("uploadFailed"));
    } finally {
      setUploading(false);
    }
  };

  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !mapping[f]);
  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.processed / job.total) * 100)) : 0;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          if (finished) void queryClient.invalidateQueries({ queryKey: trpc.patients.list.queryKey() });
          reset();
        }
      }}
    >
      <Button variant="outline" onClick={() => setOpen(true)} data-testid="patient-import-open">
        <Upload className="size-4" />
        {t("open")}
      </Button>
      <DialogContent className="max-w-3xl">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("hint")}</DialogDescription>
        </DialogHeader>

        {!uploaded ? (
          <label className="flex cursor-pointer flex-col items-center gap-2 rounded-md border border-dashed p-8 text-sm text-muted-foreground">
            <Upload className="size-6" />
            {uploading ? t("reading") : t("choose")}
            <input
              type="file"
              accept=".xlsx,.csv"
              className="sr-only"
              aria-label={t("choose")}
              disabled={uploading}
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </label>
        ) : null}
        {!uploaded ? (
          <a className="text-sm text-primary underline" href="/templates/patient-import-template.csv" download>
            {t("template")}
          </a>
        ) : !jobId ? (
          <div className="space-y-4">
            <p className="text-sm">{t("fileSummary", { fileName: uploaded.fileName, rows: uploaded.rows })}</p>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              {IMPORT_FIELDS.map((field) => (
                <label key={field} className="space-y-1 text-sm">
                  <span>
                    {t(`field_${field}`)}
                    {REQUIRED_IMPORT_FIELDS.includes(field) ? <span className="text-destructive"> *</span> : null}
                  </span>
                  <Select
                    value={mapping[field] ?? NONE}
                    onValueChange={(v) => setMapping((m) => ({ ...m, [field]: v === NONE ? undefined : v }) as Record<ImportField, string>)}
                  >
                    <SelectTrigger aria-label={t(`field_${field}`)} className="w-full">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value={NONE}>{t("notImported")}</SelectItem>
                      {uploaded.headers.map((h) => (
                        <SelectItem key={h} value={h}>
                          {h}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                </label>
              ))}
            </div>
            <div className="space-y-1 text-sm">
              <span>{t("duplicates")}</span>
              <Select value={duplicateMode} onValueChange={(v) => setDuplicateMode(v as "update" | "skip")}>
                <SelectTrigger aria-label={t("duplicates")} className="w-64">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="skip">{t("duplicateSkip")}</SelectItem>
                  <SelectItem value="update">{t("duplicateUpdate")}</SelectItem>
                </SelectContent>
              </Select>
            </div>
            <div className="max-h-56 overflow-auto rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    {IMPORT_FIELDS.filter((f) => mapping[f]).map((f) => (
                      <TableHead key={f}>{t(`field_${f}`)}</TableHead>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {uploaded.preview.map((row, i) => (
                    <TableRow key={i}>
                      {IMPORT_FIELDS.filter((f) => mapping[f]).map((f) => (
                        <TableCell key={f}>{row[uploaded.headers.indexOf(mapping[f]!)] ?? ""}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {missing.length > 0 ? <p className="text-sm text-destructive">{t("required")}</p> : null}
          </div>
        ) : (
          <div className="space-y-3" data-testid="patient-import-progress">
            <div className="h-2 w-full overflow-hidden rounded bg-muted" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
              <div className="h-full bg-primary transition-all" style={{ width: `${job?.status === "done" ? 100 : percent}%` }} />
            </div>
            <p className="text-sm">
              {!job || job.status === "queued"
                ? t("queued")
                : job.status === "running"
                  ? t("running", { processed: job.processed, total: job.total })
                  : job.status === "failed"
                    ? (job.error ?? t("failed"))
                    : t("done", { inserted: job.inserted, updated: job.updated, skipped: job.skipped, errors: job.errorCount })}
            </p>
            {job?.status === "done" && job.errorCount > 0 ? (
              <a className="text-sm text-primary underline" href={`/api/patient-imports/${job.id}/errors`}>
                {t("downloadErrors")}
              </a>
            ) : null}
          </div>
        )}

        <DialogFooter>
          {uploaded && !jobId ? (
            <>
              <Button variant="outline" onClick={reset}>
                {t("reupload")}
              </Button>
              <Button
                disabled={missing.length > 0 || start.isPending}
                onClick={() => start.mutate({ jobId: uploaded.jobId, mapping, duplicateMode })}
              >
                {t("start")}
              </Button>
            </>
          ) : null}
          {finished ? <Button onClick={() => setOpen(false)}>{t("close")}</Button> : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

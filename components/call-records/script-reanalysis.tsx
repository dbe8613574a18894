"use client";

import { useState } from "react";
import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { Button } from "@/components/ui/button";
import { useAnalysisJob } from "./use-analysis-job";

/** 重新分析 every ended call of one script, with the background job's progress (话单记录 of a script). */
export function ScriptReanalysis({ scriptId, canStart }: { scriptId: string; canStart: boolean }) {
  const t = useTranslations("callRecords");
  const { job, running, start } = useAnalysisJob(scriptId);
  const [confirming, setConfirming] = useState(false);

  const progress = job
    ? job.status === "queued" || job.status === "running"
      ? t("analysisRunning", { processed: job.processed, total: job.total })
      : job.status === "failed"
        ? t("analysisFailed", { error: job.error ?? "" })
        : t("analysisDone", { total: job.processed, changed: job.changed, modelFailed: job.modelFailed })
    : null;

  if (!canStart && !progress) return null;
  return (
    <div className="flex items-center gap-2" data-testid="script-reanalysis">
      {progress ? (
        <span className="text-xs text-muted-foreground" data-testid="analysis-progress" data-status={job?.status}>
          {progress}
        </span>
      ) : null}
      {canStart ? (
        <Button variant="outline" size="sm" disabled={running} onClick={() => setConfirming(true)}>
          <RefreshCw className={running ? "size-4 animate-spin" : "size-4"} /> {t("reanalyzeScript")}
        </Button>
      ) : null}
      <ConfirmDialog open={confirming} onOpenChange={setConfirming} title={t("reanalyzeTitle")} body={t("reanalyzeBody")} confirmLabel={t("reanalyzeConfirm")} onConfirm={start} />
    </div>
  );
}

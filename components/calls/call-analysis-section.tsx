"use client";

import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useAnalysisJob } from "@/components/call-records/use-analysis-job";
import { formatInZone } from "./format-time";

interface Analysis {
  summary: string | null;
  reason: string | null;
  rule: string | null;
  callbackRequested: boolean;
  /** A complaint puts the call on the 需回电 list with high priority even when the patient did not ask. */
  complaint?: boolean;
  proposedTime: string | null;
  status: "rules" | "model" | "modelFailed" | null;
  error: string | null;
  by: string | null;
  at: Date | null;
}

/** 通话分析 in 通话详情: summary, why this intent, 需回电, the time the patient proposed, how it was decided; 重新分析. */
export function CallAnalysisSection({
  callId,
  scriptId,
  analysis,
  timezone,
  canReanalyze,
}: {
  callId: string;
  scriptId: string;
  analysis: Analysis;
  timezone: string;
  canReanalyze: boolean;
}) {
  const t = useTranslations("calls");
  const { job, running, start } = useAnalysisJob(scriptId, callId, canReanalyze);
  const reason = analysis.reason ?? (analysis.rule ? t.has(`rule_${analysis.rule}`) ? t(`rule_${analysis.rule}`) : analysis.rule : null);

  return (
    <section className="space-y-2" data-testid="call-analysis">
      <div className="flex items-center gap-2">
        <h3 className="text-sm font-medium">{t("analysis")}</h3>
        {analysis.status ? (
          <Badge variant={analysis.status === "modelFailed" ? "destructive" : "outline"} title={analysis.error ?? analysis.by ?? undefined} data-testid="analysis-status">
            {t(`analysis_${analysis.status}`)}
          </Badge>
        ) : null}
        {analysis.at ? <span className="text-xs text-muted-foreground">{formatInZone(analysis.at, timezone)}</span> : null}
        {canReanalyze ? (
          <Button variant="outline" size="sm" className="ml-auto" disabled={running} onClick={start} data-testid="reanalyze-call">
            <RefreshCw className={running ? "size-4 animate-spin" : "size-4"} /> {running ? t("reanalyzing") : t("reanalyze")}
          </Button>
        ) : null}
      </div>
      <dl className="grid grid-cols-1 gap-y-2 rounded-md border bg-muted/30 p-3 text-sm sm:grid-cols-3 sm:gap-x-6">
        <div className="space-y-0.5 sm:col-span-3">
          <dt className="text-xs text-muted-foreground">{t("summary")}</dt>
          <dd data-testid="analysis-summary">{analysis.summary ?? <span className="text-muted-foreground">{t("noSummary")}</span>}</dd>
        </div>
        <div className="space-y-0.5 sm:col-span-3">
          <dt className="text-xs text-muted-foreground">{t("intentReason")}</dt>
          <dd data-testid="analysis-reason">{reason ?? "—"}</dd>
        </div>
        <div className="space-y-0.5">
          <dt className="text-xs text-muted-foreground">{t("callbackRequested")}</dt>
          <dd data-testid="analysis-callback">
            {analysis.callbackRequested || analysis.complaint ? <Badge variant="destructive">{t("yes")}</Badge> : t("no")}
          </dd>
        </div>
        <div className="space-y-0.5 sm:col-span-2">
          <dt className="text-xs text-muted-foreground">{t("proposedTime")}</dt>
          <dd data-testid="analysis-proposed-time">{analysis.proposedTime ?? "—"}</dd>
        </div>
        {analysis.status === "modelFailed" && analysis.error ? (
          <div className="space-y-0.5 sm:col-span-3">
            <dt className="text-xs text-muted-foreground">{t("analysisError")}</dt>
            <dd className="text-destructive" data-testid="analysis-error">{analysis.error}</dd>
          </div>
        ) : null}
      </dl>
      {job && job.status === "failed" ? <p className="text-xs text-destructive">{job.error}</p> : null}
    </section>
  );
}

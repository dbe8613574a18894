"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ShieldOff, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";
import { formatInZone } from "./format-time";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

type CallDetail = RouterOutputs["callRecords"]["byId"];
const EMPTY = "__empty__";

/**
 * What a manager checks and fixes on a call (issue 25): who answered, complaint (不满意 · 需回电 高优先), the confidence
 * of the label (待复核 when low), 人工修正 of the label, and the opt-out with the sentence that triggered it and a
 * one-click 撤销禁呼. Corrections and undos are audited on the server.
 */
export function CallIntentReview({ call }: { call: CallDetail }) {
  const t = useTranslations("callReview");
  const word = useVocabulary();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<string>(call.intent ?? EMPTY);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.callRecords.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.followUps.pathKey() });
  };
  const correct = useMutation(
    trpc.callRecords.correctIntent.mutationOptions({
      onSuccess: () => {
        toast.success(t("corrected"));
        refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const undo = useMutation(
    trpc.callRecords.undoOptOut.mutationOptions({
      onSuccess: () => {
        toast.success(t("optOutUndone"));
        refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const confidence = call.confidence === null ? null : Math.round(call.confidence * 100);

  return (
    <section className="space-y-2" data-testid="call-intent-review">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {call.reached && call.reached !== "patient" ? (
          <Badge variant="outline" data-testid="reached-party">
            {t(`reached_${call.reached}`)}
          </Badge>
        ) : null}
        {call.complaint ? (
          <Badge variant="destructive" data-testid="complaint-badge">
            {t("complaintBadge")}
          </Badge>
        ) : null}
        {call.correction ? (
          <Badge variant="secondary" data-testid="manual-correction" title={call.correction.before ? t("correctedFrom", { label: word(call.correction.before) }) : undefined}>
            {t("manualCorrection")}
            {call.correction.by ? ` · ${call.correction.by}` : ""}
          </Badge>
        ) : confidence !== null ? (
          <Badge variant={call.lowConfidence ? "destructive" : "outline"} data-testid="intent-confidence">
            {call.lowConfidence ? t("needsReview", { confidence }) : t("confidence", { confidence })}
          </Badge>
        ) : null}
        {call.wrongNumberFlagged ? <Badge variant="outline">{t("wrongNumberFlagged")}</Badge> : null}
      </div>

      {call.optOut ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="opt-out-entry">
          <ShieldOff className="size-4 text-amber-700" />
          <span>
            {t("onOptOutList", { at: formatInZone(call.optOut.at, call.clinic.timezone) })}
            {call.optOut.triggerSentence ? <span className="ml-1 font-medium" lang="zh-CN">「{call.optOut.triggerSentence}」</span> : null}
          </span>
          {call.canCorrect ? (
            <Button
              variant="outline"
              size="sm"
              className="ml-auto"
              disabled={undo.isPending}
              onClick={() => undo.mutate({ callId: call.id })}
              data-testid="undo-opt-out"
            >
              <Undo2 className="size-4" /> {t("undoOptOut")}
            </Button>
          ) : null}
        </div>
      ) : null}

      {call.canCorrect && call.outcome ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-xs text-muted-foreground">{t("correctLabel")}</span>
          <Select value={choice} onValueChange={setChoice}>
            <SelectTrigger className="h-8 w-44" data-testid="correct-intent-select" aria-label={t("correctLabel")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={EMPTY}>{t("emptyIntent")}</SelectItem>
              {call.intentOptions.map((o) => (
                <SelectItem key={o.key} value={o.key}>
                  {word(o.label)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Button
            size="sm"
            disabled={correct.isPending || (choice === (call.intent ?? EMPTY) && call.correction !== null)}
            onClick={() => correct.mutate({ callId: call.id, intent: choice === EMPTY ? null : choice })}
            data-testid="save-correction"
          >
            {call.correction || choice !== (call.intent ?? EMPTY) ? t("saveCorrection") : t("confirmLabel")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

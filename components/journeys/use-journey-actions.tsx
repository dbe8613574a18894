"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { toast } from "sonner";
import { AlertDialog, AlertDialogAction, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { useTRPC } from "@/components/trpc/client";
import type { JourneyProblem } from "@/server/domain/journey/validate-journey";
import { useJourneyProblemText } from "@/components/i18n/use-vocabulary";

export type JourneyAction = "publish" | "pause" | "resume" | "end" | "delete";

/**
 * 发布 / 暂停 / 恢复 / 结束 / 删除 with their confirmations. Publishing problems come back as a list (shown in a dialog
 * and passed to `onProblems`, so the canvas can mark the nodes).
 */
export function useJourneyActions(opts: { onProblems?: (p: JourneyProblem[]) => void; onDeleted?: () => void } = {}) {
  const t = useTranslations("journeys");
  const problemText = useJourneyProblemText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<{ id: string; name: string; action: JourneyAction } | null>(null);
  const [problems, setProblems] = useState<JourneyProblem[] | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() });
  const change = useMutation(
    trpc.journeys.changeStatus.mutationOptions({
      onSuccess: async (res, vars) => {
        if (!res.ok) {
          setProblems(res.problems);
          opts.onProblems?.(res.problems);
          return;
        }
        opts.onProblems?.([]);
        toast.success(t(`done_${vars.action}`));
        await refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const remove = useMutation(
    trpc.journeys.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(t("done_delete"));
        await refresh();
        opts.onDeleted?.();
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  const run = (id: string, name: string, action: JourneyAction) => {
    if (action === "end" || action === "delete" || action === "pause") setConfirm({ id, name, action });
    else change.mutate({ id, action });
  };

  const dialogs = (
    <>
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={confirm ? t(`confirm_${confirm.action}_title`, { name: confirm.name }) : ""}
        body={confirm ? t(`confirm_${confirm.action}_body`) : ""}
        confirmLabel={confirm ? t(`action_${confirm.action}`) : ""}
        destructive={confirm?.action === "delete" || confirm?.action === "end"}
        onConfirm={() => {
          if (!confirm) return;
          if (confirm.action === "delete") remove.mutate({ id: confirm.id });
          else change.mutate({ id: confirm.id, action: confirm.action });
          setConfirm(null);
        }}
      />
      <AlertDialog open={problems !== null && problems.length > 0} onOpenChange={(o) => !o && setProblems(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("problemsTitle")}</AlertDialogTitle>
            <AlertDialogDescription>{t("problemsHint")}</AlertDialogDescription>
          </AlertDialogHeader>
          <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="publish-problems">
            {problems?.map((p, i) => <li key={i}>{problemText(p)}</li>)}
          </ol>
          <AlertDialogFooter>
            <AlertDialogAction onClick={() => setProblems(null)}>{t("problemsOk")}</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
  return { run, dialogs, pending: change.isPending || remove.isPending };
}

"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc/client";

type Action = "pause" | "enable" | "stop";

/** 暂停 / 启用 / 停用 with a confirmation each (停用 is final). */
export function ScriptRowActions({ script }: { script: { id: string; name: string; status: "enabled" | "paused" | "stopped" } }) {
  const t = useTranslations("scripts");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Action | null>(null);
  const onSuccess = (done: string) => async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.scripts.pathKey() });
    toast.success(done);
    setPending(null);
  };
  const onError = (e: { message: string }) => {
    toast.error(e.message);
    setPending(null);
  };
  const pause = useMutation(trpc.scripts.pause.mutationOptions({ onSuccess: onSuccess(t("paused")), onError }));
  const enable = useMutation(trpc.scripts.enable.mutationOptions({ onSuccess: onSuccess(t("enabled")), onError }));
  const stop = useMutation(trpc.scripts.stop.mutationOptions({ onSuccess: onSuccess(t("stopped")), onError }));
  const busy = pause.isPending || enable.isPending || stop.isPending;
  const run = { pause, enable, stop };

  if (script.status === "stopped") return null;
  const actions: Action[] = script.status === "enabled" ? ["pause", "stop"] : ["enable", "stop"];
  return (
    <>
      {actions.map((a) => (
        <Button
          key={a}
          variant="link"
          size="sm"
          className={a === "stop" ? "text-destructive" : undefined}
          onClick={() => setPending(a)}
          data-testid={`script-${a}-${script.name}`}
        >
          {t(a)}
        </Button>
      ))}
      <AlertDialog open={pending !== null} onOpenChange={(o) => !o && !busy && setPending(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{pending ? t(`${pending}Title`, { name: script.name }) : null}</AlertDialogTitle>
            <AlertDialogDescription>{pending ? t(`${pending}Body`) : null}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={busy}>{tc("cancel")}</AlertDialogCancel>
            <AlertDialogAction
              disabled={busy}
              className={pending === "stop" ? "bg-destructive text-white hover:bg-destructive/90" : undefined}
              onClick={(e) => {
                e.preventDefault();
                if (pending) run[pending].mutate({ id: script.id });
              }}
            >
              {busy ? tc("loading") : pending ? t(pending) : tc("confirm")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}

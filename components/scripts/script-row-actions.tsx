"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc/client";

type Action = "pause" | "enable" | "stop";

/** 暂停 / 启用 / 停用 with a confirmation each (停用 is final). */
export function ScriptRowActions({ script }: { script: { id: string; name: string; status: "enabled" | "paused" | "stopped" } }) {
  const t = useTranslations("scripts");
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
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(o) => !o && setPending(null)}
        title={pending ? t(`${pending}Title`, { name: script.name }) : null}
        body={pending ? t(`${pending}Body`) : null}
        confirmLabel={pending ? t(pending) : undefined}
        busy={busy}
        keepOpen
        destructive={pending === "stop"}
        onConfirm={() => pending && run[pending].mutate({ id: script.id })}
      />
    </>
  );
}

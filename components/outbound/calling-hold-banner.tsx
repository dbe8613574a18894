"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { OctagonAlert } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc/client";

/**
 * 外呼已暂停: the carrier said the company's account cannot call (no balance, package expired, no calling number …).
 * Names the cause and what to do in the Tencent console; 重试 sends a probe call on the next tick.
 */
export function CallingHoldBanner({ canManage }: { canManage: boolean }) {
  const t = useTranslations("outboundManagement");
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: hold } = useQuery({ ...trpc.outboundManagement.callingHold.queryOptions({}), refetchInterval: 30_000 });
  const retry = useMutation(
    trpc.outboundManagement.resumeCalling.mutationOptions({
      onSuccess: () => {
        toast.success(t("holdRetrySent"));
        void queryClient.invalidateQueries({ queryKey: trpc.outboundManagement.callingHold.queryKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  if (!hold) return null;
  return (
    <Alert variant="destructive" className="border-destructive/60 bg-red-50" data-testid="calling-hold-banner">
      <OctagonAlert className="size-4" />
      <AlertTitle>{t("holdTitle", { reason: hold.reason[locale] })}</AlertTitle>
      <AlertDescription>
        <p>{t("holdBody", { since: new Date(hold.heldAt).toLocaleString(locale) })}</p>
        <p data-testid="calling-hold-fix">{hold.fix[locale]}</p>
        {canManage ? (
          <Button size="sm" variant="outline" className="mt-2" disabled={retry.isPending} onClick={() => retry.mutate({})}>
            {t("holdRetry")}
          </Button>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}

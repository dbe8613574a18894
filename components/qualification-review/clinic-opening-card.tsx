"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { toast } from "sonner";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { useTRPC } from "@/components/trpc/client";

interface Clinic {
  id: string;
  name: string;
  shortName: string;
  outboundOpenedAt: Date | null;
}

/** 门店开通 (FAQ Q4): open further clinics or close one, after approval; closing asks for confirmation. */
export function ClinicOpeningCard({ clinics, editable }: { clinics: Clinic[]; editable: boolean }) {
  const t = useTranslations("qualificationReview");
  const tcommon = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState<Clinic | null>(null);

  const setOpened = useMutation(
    trpc.qualificationReview.setClinicOpened.mutationOptions({
      onSuccess: async (res, vars) => {
        const clinic = clinics.find((c) => c.id === res.id)?.shortName ?? "";
        toast.success(t(vars.opened ? "openedToast" : "closedToast", { clinic }));
        await queryClient.invalidateQueries({ queryKey: trpc.qualificationReview.pathKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{t("clinicsTitle")}</CardTitle>
        <CardDescription>{t(editable ? "clinicsHint" : "clinicsPendingHint")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-2">
        {clinics.map((c) => {
          const opened = Boolean(c.outboundOpenedAt);
          return (
            <div key={c.id} className="flex items-center justify-between gap-3 rounded-md border px-3 py-2" data-testid={`clinic-${c.shortName}`}>
              <div className="min-w-0">
                <div className="truncate text-sm font-medium">{c.name}</div>
                <div className="text-xs text-muted-foreground">
                  {opened ? t("openedAt", { time: format.dateTime(c.outboundOpenedAt!, { dateStyle: "medium" }) }) : t("notOpened")}
                </div>
              </div>
              <Switch
                checked={opened}
                disabled={!editable || setOpened.isPending}
                aria-label={tcommon("labelValue", { label: c.shortName, value: opened ? t("opened") : t("notOpened") })}
                data-testid={`clinic-switch-${c.shortName}`}
                onCheckedChange={(on) => (on ? setOpened.mutate({ clinicId: c.id, opened: true }) : setClosing(c))}
              />
            </div>
          );
        })}
      </CardContent>
      <ConfirmDialog
        open={closing !== null}
        onOpenChange={(o) => !o && setClosing(null)}
        title={t("closeTitle", { clinic: closing?.shortName ?? "" })}
        body={t("closeBody")}
        confirmLabel={t("closeConfirm")}
        confirmTestId="confirm-close-clinic"
        onConfirm={() => closing && setOpened.mutate({ clinicId: closing.id, opened: false })}
      />
    </Card>
  );
}

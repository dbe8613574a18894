"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { useTRPC } from "@/components/trpc/client";

interface Clinic {
  id: string;
  name: string;
  shortName: string;
  address: string;
}

/** 审核通过: choose which clinics are opened (at least one). */
export function ApproveDialog({ applicationId, clinics }: { applicationId: string; clinics: Clinic[] }) {
  const t = useTranslations("qualificationReview");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const approve = useMutation(
    trpc.qualificationReview.approve.mutationOptions({
      onSuccess: async (res) => {
        toast.success(t("approvedToast", { count: res.openedClinicIds.length }));
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.qualificationReview.pathKey() });
      },
      onError: (e) => toast.error((e.data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined)?.clinicIds?.[0] ?? e.message),
    }),
  );

  const all = clinics.length > 0 && clinics.every((c) => selected.has(c.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setSelected(new Set());
      }}
    >
      <DialogTrigger asChild>
        <Button data-testid="approve">{t("approve")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("approveTitle")}</DialogTitle>
          <DialogDescription>{t("approveHint")}</DialogDescription>
        </DialogHeader>
        <div className="space-y-2">
          <label className="flex items-center gap-2 border-b pb-2 text-sm font-medium">
            <Checkbox checked={all} onCheckedChange={(on) => setSelected(on === true ? new Set(clinics.map((c) => c.id)) : new Set())} />
            {t("selectAll")}
            <span className="ml-auto text-xs font-normal text-muted-foreground">{t("clinicsSelected", { count: selected.size })}</span>
          </label>
          <div className="max-h-72 space-y-1 overflow-y-auto">
            {clinics.map((c) => (
              <label key={c.id} className="flex cursor-pointer items-start gap-2 rounded-md px-1 py-1.5 text-sm hover:bg-accent">
                <Checkbox
                  className="mt-0.5"
                  checked={selected.has(c.id)}
                  onCheckedChange={(on) => toggle(c.id, on === true)}
                  data-testid={`approve-clinic-${c.shortName}`}
                />
                <span>
                  <span className="font-medium">{c.name}</span>
                  <span className="block text-xs text-muted-foreground">{c.address}</span>
                </span>
              </label>
            ))}
          </div>
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {tc("cancel")}
          </Button>
          <Button
            disabled={selected.size === 0 || approve.isPending}
            onClick={() => approve.mutate({ id: applicationId, clinicIds: [...selected] })}
            data-testid="confirm-approve"
          >
            {approve.isPending ? tc("loading") : t("confirmApprove")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/client";
import { TemplateGrid, type TemplateSummary } from "./template-grid";

export const newScriptHref = (tpl: Pick<TemplateSummary, "id" | "kind">) => `/management/outbound/scripts/new?kind=${tpl.kind}&templateId=${tpl.id}`;

/** 【新建话术】: choose a preset or 定制 template of the tab's kind, then the editor opens with it. */
export function TemplatePickerDialog({ kind }: { kind: "ai" | "fixed" }) {
  const t = useTranslations("scripts");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const templates = useQuery({ ...trpc.scripts.templates.queryOptions({ kind }), enabled: open });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-testid="new-script">
          <Plus aria-hidden />
          {t("newScript")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[85vh] overflow-y-auto sm:max-w-4xl">
        <DialogHeader>
          <DialogTitle>{t(`pickTitle_${kind}`)}</DialogTitle>
          <DialogDescription>
            {templates.data ? t("pickHint", { count: templates.data.length }) : null} {t("customHint")}
          </DialogDescription>
        </DialogHeader>
        {templates.isPending ? (
          <Skeleton className="h-64 w-full" />
        ) : (
          <TemplateGrid templates={templates.data ?? []} onPick={(tpl) => router.push(newScriptHref(tpl))} />
        )}
      </DialogContent>
    </Dialog>
  );
}

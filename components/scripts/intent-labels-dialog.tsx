"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Tags, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/client";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

interface Draft {
  key: string;
  label: string;
  canonical: string | null;
  custom: boolean;
  original: string | null;
}

/**
 * 意向标签: rename a script's intent labels and add up to the limit of the clinic's own, each mapped onto a standard
 * intent (so journeys, filters and figures keep working). Template labels cannot be removed — calls carry them.
 */
export function IntentLabelsDialog({ scriptId }: { scriptId: string }) {
  const t = useTranslations("callReview");
  const word = useVocabulary();
  const tcommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft[] | null>(null);
  const labels = useQuery({ ...trpc.scripts.intentLabels.queryOptions({ scriptId }), enabled: open });
  const save = useMutation(
    trpc.scripts.updateIntentLabels.mutationOptions({
      onSuccess: async () => {
        toast.success(t("labelsSaved"));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.scripts.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.callRecords.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.outboundManagement.pathKey() }),
        ]);
        setOpen(false);
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const rows = draft ?? labels.data?.labels ?? null;
  const edit = (i: number, patch: Partial<Draft>) => setDraft((rows ?? []).map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const customCount = rows?.filter((r) => r.custom).length ?? 0;
  const max = labels.data?.maxCustom ?? 5;

  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} data-testid="edit-intent-labels">
        <Tags className="size-4" /> {t("intentLabels")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) setDraft(null);
        }}
      >
        <DialogContent className="sm:max-w-xl" data-testid="intent-labels-dialog">
          <DialogHeader>
            <DialogTitle>{t("intentLabels")}</DialogTitle>
            <DialogDescription>{t("intentLabelsHint", { max })}</DialogDescription>
          </DialogHeader>
          {!rows ? (
            <Skeleton className="h-40 w-full" />
          ) : (
            <ul className="space-y-2">
              {rows.map((r, i) => (
                <li key={r.key} className="flex items-center gap-2" data-testid="intent-label-row">
                  <Input
                    value={r.label}
                    maxLength={10}
                    aria-label={t("labelName")}
                    className="h-8 w-36"
                    onChange={(e) => edit(i, { label: e.target.value })}
                    data-testid={`intent-label-${r.key}`}
                  />
                  {r.custom ? (
                    <>
                      <Select value={r.canonical ?? ""} onValueChange={(v) => edit(i, { canonical: v })}>
                        <SelectTrigger className="h-8 w-40" aria-label={t("labelMeaning")}>
                          <SelectValue placeholder={t("chooseMeaning")} />
                        </SelectTrigger>
                        <SelectContent>
                          {labels.data?.canonicalOptions.map((o) => (
                            <SelectItem key={o.key} value={o.key}>
                              {word(o.label)}
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                      <Badge variant="secondary">{t("customLabel")}</Badge>
                      <Button variant="ghost" size="sm" aria-label={t("removeLabel")} onClick={() => setDraft(rows.filter((_, j) => j !== i))}>
                        <X className="size-4" />
                      </Button>
                    </>
                  ) : r.original && r.original !== r.label ? (
                    <span className="text-xs text-muted-foreground">
                      {tcommon("labelValue", { label: t("labelOriginal"), value: word(r.original) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <DialogFooter className="gap-2 sm:justify-between">
            <Button
              variant="outline"
              size="sm"
              disabled={!rows || customCount >= max}
              onClick={() => setDraft([...(rows ?? []), { key: `custom-${Date.now().toString(36)}`, label: "", canonical: null, custom: true, original: null }])}
              data-testid="add-intent-label"
            >
              <Plus className="size-4" /> {t("addLabel")}
            </Button>
            <div className="flex gap-2">
              <Button variant="ghost" onClick={() => setOpen(false)}>
                {t("cancel")}
              </Button>
              <Button
                disabled={!rows || save.isPending}
                onClick={() => rows && save.mutate({ scriptId, labels: rows.map((r) => ({ key: r.key, label: r.label, ...(r.canonical ? { canonical: r.canonical } : {}) })) })}
                data-testid="save-intent-labels"
              >
                {t("saveLabels")}
              </Button>
            </div>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

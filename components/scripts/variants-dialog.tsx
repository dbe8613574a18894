"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FlaskConical, Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/client";

interface Draft {
  name: string;
  opening: string;
  offer: string;
  voiceId: string | null;
  sharePercent: number;
}

const SCRIPT_VOICE = "__script__";

/** A/B 测试: add or edit a script's variants (opening, offer wording, voice, traffic share). Rules: docs/outcomes.md. */
export function VariantsDialog({ scriptId }: { scriptId: string }) {
  const t = useTranslations("abTest");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft[] | null>(null);
  const current = useQuery({ ...trpc.scripts.variants.queryOptions({ scriptId }), enabled: open });
  const voices = useQuery({ ...trpc.scripts.voices.queryOptions(), enabled: open });
  const save = useMutation(
    trpc.scripts.saveVariants.mutationOptions({
      onSuccess: async () => {
        toast.success(t("saved"));
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.scripts.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.outcomes.pathKey() })]);
        setOpen(false);
        setDraft(null);
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const loaded = current.data?.variants.map((v) => ({ name: v.name, opening: v.opening ?? "", offer: v.offer ?? "", voiceId: v.voiceId, sharePercent: v.sharePercent }));
  const rows = draft ?? loaded ?? null;
  const max = current.data?.maxVariants ?? 3;
  const edit = (i: number, patch: Partial<Draft>) => setDraft((rows ?? []).map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const total = rows?.reduce((s, r) => s + r.sharePercent, 0) ?? 0;

  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} data-testid="edit-variants">
        <FlaskConical className="size-4" /> {t("variants")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) setDraft(null);
        }}
      >
        <DialogContent className="sm:max-w-2xl" data-testid="variants-dialog">
          <DialogHeader>
            <DialogTitle>{t("variants")}</DialogTitle>
            <DialogDescription>{t("variantsHint", { max })}</DialogDescription>
          </DialogHeader>
          {!rows ? (
            <Skeleton className="h-40 w-full" />
          ) : rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("none")}</p>
          ) : (
            <ul className="max-h-[60vh] space-y-4 overflow-y-auto">
              {rows.map((r, i) => (
                <li key={i} className="space-y-2 rounded-md border p-3" data-testid="variant-row">
                  <div className="flex items-end gap-2">
                    <div className="w-10 pb-2 font-semibold">{"ABC"[i]}</div>
                    <div className="flex-1 space-y-1">
                      <Label htmlFor={`variant-name-${i}`}>{t("variantName")}</Label>
                      <Input id={`variant-name-${i}`} value={r.name} maxLength={30} onChange={(e) => edit(i, { name: e.target.value })} />
                    </div>
                    <div className="w-28 space-y-1">
                      <Label htmlFor={`variant-share-${i}`}>{t("share")}</Label>
                      <Input
                        id={`variant-share-${i}`}
                        type="number"
                        min={0}
                        max={100}
                        value={r.sharePercent}
                        onChange={(e) => edit(i, { sharePercent: Math.round(Number(e.target.value) || 0) })}
                      />
                    </div>
                    <Button variant="ghost" size="sm" aria-label={t("removeVariant")} onClick={() => setDraft(rows.filter((_, j) => j !== i))}>
                      <X className="size-4" />
                    </Button>
                  </div>
                  <div className="space-y-1">
                    <Label htmlFor={`variant-opening-${i}`}>{t("opening")}</Label>
                    <Textarea id={`variant-opening-${i}`} rows={2} maxLength={300} value={r.opening} onChange={(e) => edit(i, { opening: e.target.value })} />
                  </div>
                  <div className="space-y-1">
                    <Label htmlFor={`variant-offer-${i}`}>{t("offer")}</Label>
                    <Textarea id={`variant-offer-${i}`} rows={2} maxLength={300} value={r.offer} onChange={(e) => edit(i, { offer: e.target.value })} />
                  </div>
                  <div className="flex items-center gap-2">
                    <Label>{t("voice")}</Label>
                    <Select value={r.voiceId ?? SCRIPT_VOICE} onValueChange={(v) => edit(i, { voiceId: v === SCRIPT_VOICE ? null : v })}>
                      <SelectTrigger className="h-8 w-56" aria-label={t("voice")}>
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value={SCRIPT_VOICE}>{t("scriptVoice")}</SelectItem>
                        {voices.data?.map((v) => (
                          <SelectItem key={v.id} value={v.id}>
                            {v.name}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <DialogFooter className="gap-2 sm:justify-between">
            <div className="flex items-center gap-3">
              <Button
                variant="outline"
                size="sm"
                disabled={!rows || rows.length >= max}
                onClick={() => setDraft([...(rows ?? []), { name: "", opening: "", offer: "", voiceId: null, sharePercent: 0 }])}
                data-testid="add-variant"
              >
                <Plus className="size-4" /> {t("addVariant")}
              </Button>
              {rows && rows.length > 0 ? (
                <span className={total === 100 ? "text-sm text-muted-foreground" : "text-sm text-red-700"} data-testid="variant-share-total">
                  {t("shareTotal", { total })}
                </span>
              ) : null}
            </div>
            <div className="flex gap-2">
              <Button variant="ghost" onClick={() => setOpen(false)}>
                {t("cancel")}
              </Button>
              <Button
                disabled={!rows || save.isPending || (rows.length > 0 && total !== 100)}
                onClick={() =>
                  rows &&
                  save.mutate({
                    scriptId,
                    variants: rows.map((r) => ({ name: r.name, opening: r.opening || null, offer: r.offer || null, voiceId: r.voiceId, sharePercent: r.sharePercent })),
                  })
                }
                data-testid="save-variants"
              >
                {rows && rows.length === 0 && (loaded?.length ?? 0) > 0 ? t("clearVariants") : t("save")}
              </Button>
            </div>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

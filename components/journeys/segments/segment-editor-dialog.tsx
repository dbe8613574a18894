"use client";

import { useEffect, useMemo, useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Loader2, Plus, Users } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/client";
import {
  SEGMENT_CONDITION_KINDS,
  segmentDefinition,
  type SegmentConditionInput,
  type SegmentDefinitionInput,
} from "@/server/domain/segments/segment-definition";
import { useDebounced } from "../use-debounced";
import { defaultCondition } from "./condition-defaults";
import { ConditionEditor } from "./condition-editor";

export interface EditableSegment {
  id: string;
  name: string;
  definition: SegmentDefinitionInput | null;
}

/**
 * 新建 / 编辑人群: conditions combined with 且 / 或, and a live count of matching patients (debounced, evaluated on the
 * server in SQL) in the given clinic's time zone, or over every clinic the caller may see.
 */
export function SegmentEditorDialog({
  open,
  onOpenChange,
  segment,
  clinicId,
  onSaved,
  returnFocusTo,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  segment?: EditableSegment | null;
  clinicId?: string;
  onSaved?: (id: string) => void;
  /** Where focus goes when the dialog closes, for dialogs opened from state rather than a DialogTrigger. */
  returnFocusTo?: () => HTMLElement | null;
}) {
  const t = useTranslations("segments");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [match, setMatch] = useState<"all" | "any">("all");
  const [conditions, setConditions] = useState<SegmentConditionInput[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setName(segment?.name ?? "");
    setMatch(segment?.definition?.match ?? "all");
    setConditions(segment?.definition?.conditions ?? [defaultCondition("appointment")]);
    setError(null);
  }, [open, segment]);

  const options = useQuery({ ...trpc.segments.options.queryOptions(), enabled: open });
  const definition = useMemo(() => ({ match, conditions }), [match, conditions]);
  const parsed = segmentDefinition.safeParse(definition);
  const debounced = useDebounced(parsed.success ? parsed.data : null, 350);
  const count = useQuery({
    ...trpc.segments.count.queryOptions({ definition: debounced ?? { conditions: [] }, clinicId }),
    enabled: open && debounced !== null,
    placeholderData: keepPreviousData,
  });

  const onDone = async (id: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() });
    toast.success(t("saved"));
    onSaved?.(id);
    onOpenChange(false);
  };
  const onError = (e: { message: string }) => setError(e.message);
  const create = useMutation(trpc.segments.create.mutationOptions({ onSuccess: (r) => onDone(r.id), onError }));
  const update = useMutation(trpc.segments.update.mutationOptions({ onSuccess: (r) => onDone(r.id), onError }));
  const pending = create.isPending || update.isPending;

  const submit = () => {
    setError(null);
    if (!name.trim()) return setError(t("nameRequired"));
    if (conditions.length === 0) return setError(t("conditionsRequired"));
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? t("invalid"));
    if (segment?.id) update.mutate({ id: segment.id, name, definition });
    else create.mutate({ name, definition });
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="sm:max-w-3xl"
        onCloseAutoFocus={(e) => {
          const target = returnFocusTo?.();
          if (target) {
            e.preventDefault();
            target.focus();
          }
        }}
      >
        <DialogHeader>
          <DialogTitle>{segment?.id ? t("editTitle") : t("createTitle")}</DialogTitle>
          <DialogDescription>{t("editorHint")}</DialogDescription>
        </DialogHeader>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="grid gap-2">
            <Label htmlFor="segment-name">{t("name")}</Label>
            <Input id="segment-name" value={name} maxLength={30} onChange={(e) => setName(e.target.value)} placeholder={t("namePlaceholder")} />
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>{t("matchPrefix")}</span>
            <Select value={match} onValueChange={(m) => setMatch(m as "all" | "any")}>
              <SelectTrigger className="w-28" aria-label={t("match")}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="all">{t("match_all")}</SelectItem>
                <SelectItem value="any">{t("match_any")}</SelectItem>
              </SelectContent>
            </Select>
            <span>{t("matchSuffix")}</span>
          </div>
          <div className="max-h-[45vh] space-y-2 overflow-y-auto pr-1">
            {conditions.map((c, i) => (
              <ConditionEditor
                key={i}
                index={i}
                condition={c}
                options={options.data}
                onChange={(next) => setConditions((list) => list.map((x, j) => (j === i ? next : x)))}
                onRemove={() => setConditions((list) => list.filter((_, j) => j !== i))}
              />
            ))}
            {conditions.length === 0 ? <p className="py-4 text-center text-sm text-muted-foreground">{t("noConditions")}</p> : null}
          </div>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button type="button" variant="outline" size="sm" disabled={conditions.length >= 12}>
                <Plus className="size-4" /> {t("addCondition")}
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="start">
              {SEGMENT_CONDITION_KINDS.map((kind) => (
                <DropdownMenuItem key={kind} onSelect={() => setConditions((list) => [...list, defaultCondition(kind)])}>
                  {t(`kind_${kind}`)}
                </DropdownMenuItem>
              ))}
            </DropdownMenuContent>
          </DropdownMenu>

          <div className="flex items-center gap-3 rounded-md border bg-primary/5 px-4 py-3" data-testid="segment-live-count">
            <Users className="size-5 text-primary" aria-hidden />
            {!parsed.success ? (
              <span className="text-sm text-muted-foreground">{parsed.error.issues[0]?.message}</span>
            ) : count.data === undefined ? (
              <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label={tc("loading")} />
            ) : (
              <div className="text-sm">
                {t.rich("liveCount", { count: count.data.count, b: (chunks) => <b className="text-lg tabular-nums" data-testid="segment-count">{chunks}</b> })}
                {count.isFetching ? <Loader2 className="ml-2 inline size-3 animate-spin text-muted-foreground" /> : null}
                {count.data.sample.length ? (
                  <span className="ml-3 text-muted-foreground">{t("sample", { names: count.data.sample.map((p) => p.name).join(tc("listSeparator")) })}</span>
                ) : null}
              </div>
            )}
          </div>

          {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? <Loader2 className="size-4 animate-spin" /> : null}
              {tc("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Info, Loader2, Settings2 } from "lucide-react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/client";
import type { OutcomeSettings } from "@/server/domain/outcomes/outcome-settings";
import { updateOutcomeSettingsInput } from "@/server/domain/outcomes/outcome-settings";

interface Form {
  windowDays: string;
  callPrice: string;
  smsPrice: string;
}

const yuan = (cents: number | null) => (cents === null ? "" : String(cents / 100));
const formOf = (s: OutcomeSettings): Form => ({ windowDays: String(s.windowDays), callPrice: yuan(s.callPriceCentsPerMinute), smsPrice: yuan(s.smsPriceCents) });
// Empty = not set; anything else is checked as it is (NaN, a fraction of a 分): the schema names the field.
const cents = (s: string) => (s.trim() === "" ? null : Number((Number(s) * 100).toFixed(6)));
const days = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/**
 * 效果分析 → 归因与成本设置: the attribution window (how long after an answered call a booking or a visit counts for it)
 * and the prices behind 每次到诊成本. Company-wide; read-only for those who may not manage tasks.
 */
export function OutcomeSettingsDialog({ canManage }: { canManage: boolean }) {
  const t = useTranslations("outcomeSettings");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const settings = useQuery({ ...trpc.outcomes.settings.queryOptions(), enabled: open });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" data-testid="outcome-settings">
          <Settings2 className="size-4" /> {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("hint")}</DialogDescription>
        </DialogHeader>
        {settings.isLoading ? (
          <Skeleton className="h-48 w-full" aria-label={t("loading")} />
        ) : settings.error || !settings.data ? (
          <p className="text-sm text-destructive" role="alert">
            {settings.error?.message ?? t("loadFailed")}
          </p>
        ) : (
          <Fields key={settings.dataUpdatedAt} data={settings.data} canManage={canManage} onDone={() => setOpen(false)} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function Fields({ data, canManage, onDone }: { data: { settings: OutcomeSettings; recomputing: boolean; limits: { windowDays: { min: number; max: number } } }; canManage: boolean; onDone: () => void }) {
  const t = useTranslations("outcomeSettings");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(formOf(data.settings));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.outcomes.updateSettings.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(saved.recomputing ? t("savedRecomputing") : t("saved"));
        await queryClient.invalidateQueries({ queryKey: trpc.outcomes.pathKey() });
        onDone();
      },
      onError: (e) => {
        const fieldErrors = Object.values(e.data?.zodError?.fieldErrors ?? {}).flat() as string[];
        setError(fieldErrors[0] ?? e.message);
      },
    }),
  );
  const field = (key: keyof Form, label: string, unit: string, hint: string) => (
    <div className="grid gap-1.5">
      <Label htmlFor={`outcome-${key}`}>{label}</Label>
      <div className="flex items-center gap-2">
        <Input
          id={`outcome-${key}`}
          inputMode="decimal"
          className="w-32"
          value={form[key]}
          disabled={!canManage || save.isPending}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
          data-testid={`outcome-${key}`}
        />
        <span className="text-sm text-muted-foreground">{unit}</span>
      </div>
      <p className="text-xs text-muted-foreground">{hint}</p>
    </div>
  );
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        // The server's own schema, checked here first so a typo is named at once (the server checks it again).
        const input = updateOutcomeSettingsInput.safeParse({ windowDays: days(form.windowDays), callPriceCentsPerMinute: cents(form.callPrice), smsPriceCents: cents(form.smsPrice) });
        if (!input.success) return setError(input.error.issues[0]?.message ?? t("loadFailed"));
        save.mutate(input.data);
      }}
    >
      {data.recomputing ? (
        <Alert data-testid="outcome-recomputing">
          <Info className="size-4" />
          <AlertDescription>{t("recomputing")}</AlertDescription>
        </Alert>
      ) : null}
      {field("windowDays", t("windowDays"), t("days"), t("windowHint", data.limits.windowDays))}
      {field("callPrice", t("callPrice"), t("perMinute"), t("priceHint"))}
      {field("smsPrice", t("smsPrice"), t("perSms"), t("priceHint"))}
      {!canManage ? <p className="text-sm text-muted-foreground">{t("readOnly")}</p> : null}
      {error ? (
        <p className="text-sm text-destructive" role="alert">
          {error}
        </p>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          {tc("cancel")}
        </Button>
        {canManage ? (
          <Button type="submit" disabled={save.isPending} data-testid="outcome-settings-save">
            {save.isPending ? <Loader2 className="size-4 animate-spin" /> : null}
            {tc("save")}
          </Button>
        ) : null}
      </DialogFooter>
    </form>
  );
}

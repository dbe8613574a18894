"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Loader2, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/client";

/** 新建旅程: a name and the clinic it runs for (its time zone and 智能外呼 opening apply), then the canvas. */
export function CreateJourneyDialog() {
  const t = useTranslations("journeys");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const clinics = useQuery(trpc.clinics.list.queryOptions());
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [clinicId, setClinicId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.journeys.create.mutationOptions({
      onSuccess: (r) => router.push(`/journeys/${r.id}`),
      onError: (e) => {
        const fieldErrors = Object.values(e.data?.zodError?.fieldErrors ?? {}).flat() as string[];
        setError(fieldErrors[0] ?? e.message);
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setName("");
          setClinicId(clinics.data?.[0]?.id ?? "");
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button data-testid="create-journey">
          <Plus className="size-4" /> {t("create")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("createTitle")}</DialogTitle>
          <DialogDescription>{t("createHint")}</DialogDescription>
        </DialogHeader>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            if (!name.trim()) return setError(t("nameRequired"));
            if (!clinicId) return setError(t("clinicRequired"));
            create.mutate({ name, clinicId });
          }}
        >
          <div className="grid gap-2">
            <Label htmlFor="journey-name">{t("name")}</Label>
            <Input id="journey-name" value={name} maxLength={30} onChange={(e) => setName(e.target.value)} placeholder={t("namePlaceholder")} />
          </div>
          <div className="grid gap-2">
            <Label>{t("clinic")}</Label>
            <Select value={clinicId} onValueChange={setClinicId}>
              <SelectTrigger aria-label={t("clinic")}>
                <SelectValue placeholder={t("pickClinic")} />
              </SelectTrigger>
              <SelectContent>
                {clinics.data?.map((c) => (
                  <SelectItem key={c.id} value={c.id}>
                    {c.name}
                    {c.outboundOpenedAt ? "" : ` ${t("clinicNotOpenedTag")}`}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Loader2 className="size-4 animate-spin" /> : null}
              {t("createSubmit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

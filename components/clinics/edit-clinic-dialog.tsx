"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/components/trpc/client";

interface Clinic {
  id: string;
  name: string;
  shortName: string;
  address: string;
  phone: string | null;
  followUpComplaintHours: number | null;
  followUpCallbackByHour: number | null;
  followUpOthersByHour: number | null;
  frontDeskSkillGroupId: number | null;
}

const DEADLINES = [
  { key: "followUpComplaintHours", label: "complaintHours", placeholder: "2", min: 1, max: 48 },
  { key: "followUpCallbackByHour", label: "callbackByHour", placeholder: "18", min: 9, max: 22 },
  { key: "followUpOthersByHour", label: "othersByHour", placeholder: "18", min: 9, max: 22 },
] as const;
const asText = (n: number | null) => (n === null ? "" : String(n));
const asNumber = (s: string) => (s.trim() === "" ? null : Number(s));
const formOf = (c: Clinic) => ({
  ...c,
  phone: c.phone ?? "",
  followUpComplaintHours: asText(c.followUpComplaintHours),
  followUpCallbackByHour: asText(c.followUpCallbackByHour),
  followUpOthersByHour: asText(c.followUpOthersByHour),
  frontDeskSkillGroupId: asText(c.frontDeskSkillGroupId),
});

const FIELDS = [
  { key: "name", max: 50 },
  { key: "shortName", max: 20 },
  { key: "address", max: 120 },
  { key: "phone", max: 20 },
] as const;

export function EditClinicDialog({ clinic }: { clinic: Clinic }) {
  const t = useTranslations("clinics");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(formOf(clinic));
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});

  const update = useMutation(
    trpc.clinics.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.clinics.list.queryKey() });
        toast.success(t("updated"));
        setOpen(false);
      },
      onError: (error) => {
        const fieldErrors = error.data?.zodError?.fieldErrors;
        if (fieldErrors) setErrors(fieldErrors);
        else toast.error(error.message);
      },
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setForm(formOf(clinic));
          setErrors({});
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="link" size="sm" data-testid={`edit-clinic-${clinic.shortName}`}>
          {tc("edit")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("editTitle")}</DialogTitle>
        </DialogHeader>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            setErrors({});
            update.mutate({
              id: clinic.id,
              name: form.name,
              shortName: form.shortName,
              address: form.address,
              phone: form.phone,
              followUpComplaintHours: asNumber(form.followUpComplaintHours),
              followUpCallbackByHour: asNumber(form.followUpCallbackByHour),
              followUpOthersByHour: asNumber(form.followUpOthersByHour),
              frontDeskSkillGroupId: asNumber(form.frontDeskSkillGroupId),
            });
          }}
        >
          {FIELDS.map(({ key, max }) => (
            <div key={key} className="space-y-1.5">
              <Label htmlFor={`clinic-${key}`}>
                {t(key)}
                {key !== "phone" && <span className="text-destructive">*</span>}
              </Label>
              <Input
                id={`clinic-${key}`}
                value={form[key]}
                maxLength={max}
                onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
                aria-invalid={Boolean(errors[key])}
              />
              {errors[key]?.map((m) => (
                <p key={m} className="text-xs text-destructive">
                  {m}
                </p>
              ))}
            </div>
          ))}
          <fieldset className="space-y-2 rounded-md border p-3">
            <legend className="px-1 text-sm font-medium">{t("deadlines")}</legend>
            {DEADLINES.map(({ key, label, placeholder, min, max }) => (
              <div key={key} className="flex items-center gap-2">
                <Label htmlFor={`clinic-${key}`} className="flex-1 font-normal">
                  {t(label)}
                </Label>
                <Input
                  id={`clinic-${key}`}
                  type="number"
                  min={min}
                  max={max}
                  className="h-8 w-20"
                  placeholder={placeholder}
                  value={form[key]}
                  onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
                  aria-invalid={Boolean(errors[key])}
                  data-testid={`clinic-${key}`}
                />
                {errors[key]?.length ? <span className="text-xs text-destructive">{errors[key]![0]}</span> : null}
              </div>
            ))}
          </fieldset>
          <fieldset className="space-y-1.5 rounded-md border p-3">
            <legend className="px-1 text-sm font-medium">{t("transfer")}</legend>
            <Label htmlFor="clinic-frontDeskSkillGroupId" className="font-normal">
              {t("frontDeskSkillGroupId")}
            </Label>
            <Input
              id="clinic-frontDeskSkillGroupId"
              inputMode="numeric"
              className="h-8 w-40"
              placeholder={t("frontDeskPlaceholder")}
              value={form.frontDeskSkillGroupId}
              onChange={(e) => setForm((f) => ({ ...f, frontDeskSkillGroupId: e.target.value }))}
              aria-invalid={Boolean(errors.frontDeskSkillGroupId)}
              aria-describedby="clinic-frontDesk-hint"
              data-testid="clinic-frontDeskSkillGroupId"
            />
            {errors.frontDeskSkillGroupId?.map((m) => (
              <p key={m} className="text-xs text-destructive">
                {m}
              </p>
            ))}
            <p id="clinic-frontDesk-hint" className="text-xs text-muted-foreground">
              {t("frontDeskHint")}
            </p>
          </fieldset>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? tc("loading") : tc("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

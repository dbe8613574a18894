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
}

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
  const [form, setForm] = useState({ ...clinic, phone: clinic.phone ?? "" });
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
          setForm({ ...clinic, phone: clinic.phone ?? "" });
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
            update.mutate({ id: clinic.id, name: form.name, shortName: form.shortName, address: form.address, phone: form.phone });
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

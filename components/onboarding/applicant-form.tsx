"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/components/trpc/client";

interface Values {
  applicantName: string;
  applicantMobile: string;
  companyName: string;
  termsAccepted: boolean;
}

const FIELDS = [
  { key: "applicantName", max: 20, inputMode: undefined, autoComplete: "name" },
  { key: "applicantMobile", max: 16, inputMode: "tel", autoComplete: "tel" },
  { key: "companyName", max: 50, inputMode: undefined, autoComplete: "organization" },
] as const;

/** 【立即使用】: 姓名, 手机号, 企业名称 and the service terms, then 【填写资质材料】. Validation is the server's (zh-CN). */
export function ApplicantForm({ initial }: { initial: Values }) {
  const t = useTranslations("onboarding");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string[]>>>({});

  const save = useMutation(
    trpc.qualification.saveApplicant.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.qualification.mine.queryKey() });
        router.push("/management/outbound/apply/documents");
      },
      onError: (error) => {
        const fieldErrors = error.data?.zodError?.fieldErrors as typeof errors | undefined;
        if (fieldErrors && Object.keys(fieldErrors).length > 0) setErrors(fieldErrors);
        else toast.error(error.message);
      },
    }),
  );

  return (
    <form
      className="max-w-lg space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        save.mutate({ ...values, termsAccepted: values.termsAccepted as true });
      }}
    >
      {FIELDS.map(({ key, max, inputMode, autoComplete }) => (
        <div key={key} className="space-y-1.5">
          <Label htmlFor={`applicant-${key}`}>
            <span className="text-destructive">*</span>
            {t(key)}
          </Label>
          <Input
            id={`applicant-${key}`}
            value={values[key]}
            maxLength={max}
            inputMode={inputMode}
            autoComplete={autoComplete}
            placeholder={t(`${key}Placeholder`)}
            aria-invalid={Boolean(errors[key])}
            aria-describedby={errors[key] ? `applicant-${key}-error` : undefined}
            onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
          />
          {errors[key] && (
            <p id={`applicant-${key}-error`} className="text-xs text-destructive" role="alert">
              {errors[key]![0]}
            </p>
          )}
        </div>
      ))}
      <div className="space-y-1.5">
        <div className="flex items-center gap-2">
          <Checkbox
            id="applicant-terms"
            checked={values.termsAccepted}
            aria-invalid={Boolean(errors.termsAccepted)}
            onCheckedChange={(checked) => setValues((v) => ({ ...v, termsAccepted: checked === true }))}
          />
          <Label htmlFor="applicant-terms" className="font-normal">
            {t("agreePrefix")}
          </Label>
          <Link href="/terms/outbound" target="_blank" className="-ml-1 text-sm text-primary hover:underline">
            {t("termsLink")}
          </Link>
        </div>
        {errors.termsAccepted && (
          <p className="text-xs text-destructive" role="alert">
            {errors.termsAccepted[0]}
          </p>
        )}
      </div>
      <Button type="submit" disabled={save.isPending} data-testid="to-documents">
        {save.isPending ? t("saving") : t("next")}
      </Button>
    </form>
  );
}

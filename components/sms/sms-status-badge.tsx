"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

const TONE = {
  pending: "border-amber-200 bg-amber-50 text-amber-700",
  approved: "border-emerald-200 bg-emerald-50 text-emerald-700",
  rejected: "border-red-200 bg-red-50 text-red-700",
} as const;

/** 待审核 / 已审核 / 已驳回. */
export function SmsStatusBadge({ status }: { status: keyof typeof TONE }) {
  const t = useTranslations("sms");
  return (
    <Badge variant="outline" className={cn(TONE[status])}>
      {t(`status_${status}`)}
    </Badge>
  );
}

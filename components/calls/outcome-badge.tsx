"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

export type CallOutcomeValue =
  | "answered" | "noAnswer" | "busy" | "rejected" | "poweredOff" | "emptyNumber" | "suspended" | "failed"
  | "voicemail" | "secretary" | "operatorMessage" | "wrongNumber";

/** 通话状态; a call without an outcome yet is 呼叫中. */
export function OutcomeBadge({ outcome }: { outcome: CallOutcomeValue | null }) {
  const t = useTranslations("calls");
  return (
    <Badge
      variant={outcome === "answered" ? "default" : "outline"}
      className={cn(outcome === "answered" && "bg-emerald-700", outcome === null && "border-sky-300 text-sky-700")}
      data-testid="call-outcome"
    >
      {t(`outcome_${outcome ?? "inProgress"}`)}
    </Badge>
  );
}

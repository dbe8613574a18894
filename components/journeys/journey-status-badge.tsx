"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

const STYLES = {
  draft: "border-muted-foreground/30 bg-muted text-muted-foreground",
  published: "border-emerald-200 bg-emerald-50 text-emerald-700",
  paused: "border-amber-200 bg-amber-50 text-amber-700",
  ended: "border-slate-200 bg-slate-100 text-slate-500",
} as const;

export function JourneyStatusBadge({ status }: { status: keyof typeof STYLES }) {
  const t = useTranslations("journeys");
  return (
    <Badge variant="outline" className={cn(STYLES[status])} data-testid="journey-status">
      {t(`status_${status}`)}
    </Badge>
  );
}

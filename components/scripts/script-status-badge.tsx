"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

const TONE = {
  enabled: "border-emerald-200 bg-emerald-50 text-emerald-700",
  paused: "border-amber-200 bg-amber-50 text-amber-700",
  stopped: "border-zinc-200 bg-zinc-100 text-zinc-500",
} as const;

/** 话术状态: 启用 / 暂停 (手动 or 余额不足) / 停用. */
export function ScriptStatusBadge({ status, pauseReason }: { status: keyof typeof TONE; pauseReason: "manual" | "insufficientBalance" | null }) {
  const t = useTranslations("scripts");
  const label = status === "paused" && pauseReason ? t(`pause_${pauseReason}`) : t(`status_${status}`);
  return (
    <Badge variant="outline" className={cn(TONE[status])} data-testid="script-status">
      {label}
    </Badge>
  );
}

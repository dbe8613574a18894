"use client";

import { Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { CallingWindowWait } from "@/server/domain/calling-policy/calling-window";

/** 「当前不在外呼时段，将于 明天 09:00 开始」 where the user launches or watches calls; nothing inside the window. */
export function CallingWindowNotice({ wait, waiting, className }: { wait: CallingWindowWait | null; waiting?: number; className?: string }) {
  const t = useTranslations("callingWindow");
  if (!wait) return null;
  return (
    <Alert className={`border-amber-300 bg-amber-50 text-amber-900 ${className ?? ""}`} data-testid="calling-window-notice">
      <Clock className="size-4" />
      <AlertTitle>{t("notice", { day: t("day", { offset: String(wait.dayOffset) }), time: wait.time })}</AlertTitle>
      <AlertDescription className="text-amber-800">
        {waiting !== undefined ? <span data-testid="waiting-for-window">{waiting > 0 ? t("waiting", { count: waiting }) : t("waitingNone")}</span> : null}
        {t("hint")}
      </AlertDescription>
    </Alert>
  );
}

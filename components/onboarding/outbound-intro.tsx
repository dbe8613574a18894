import Link from "next/link";
import { Bot, FileCheck2, PhoneCall, Route, Sparkles } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SampleLinks } from "./sample-links";

const HIGHLIGHTS = [
  { key: "highlightTemplates", icon: Sparkles },
  { key: "highlightLines", icon: PhoneCall },
  { key: "highlightJourney", icon: Route },
] as const;

/** 功能介绍: what a company sees on its first visit to 外呼管理, before it has applied (seed §2). */
export function OutboundIntro({ canApply }: { canApply: boolean }) {
  const t = useTranslations("onboarding");
  const tcommon = useTranslations("common");
  return (
    <div className="space-y-4" data-testid="outbound-intro">
      <Card className="overflow-hidden border-primary/20 bg-gradient-to-br from-primary/10 via-background to-background">
        <CardContent className="flex flex-col gap-6 py-8 md:flex-row md:items-center">
          <div className="flex size-16 shrink-0 items-center justify-center rounded-2xl bg-primary text-primary-foreground shadow-sm">
            <Bot className="size-9" aria-hidden />
          </div>
          <div className="min-w-0 flex-1 space-y-2">
            <h2 className="text-2xl font-semibold tracking-tight">{t("introTitle")}</h2>
            <p className="text-base text-foreground/80">{t("introSubtitle")}</p>
            <p className="max-w-3xl text-sm text-muted-foreground">{t("introBackground")}</p>
          </div>
          <div className="flex shrink-0 flex-col items-start gap-2 md:items-end">
            {canApply ? (
              <Button asChild size="lg" data-testid="start-now">
                <Link href="/management/outbound/apply">{t("startNow")}</Link>
              </Button>
            ) : (
              <p className="max-w-xs text-sm text-muted-foreground">{t("noPermission")}</p>
            )}
          </div>
        </CardContent>
      </Card>

      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("highlightsTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 sm:grid-cols-3">
            {HIGHLIGHTS.map(({ key, icon: Icon }) => (
              <div key={key} className="rounded-lg border bg-muted/30 p-4">
                <Icon className="mb-3 size-5 text-primary" aria-hidden />
                <p className="text-sm leading-relaxed">{t(key)}</p>
              </div>
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-base">
              <FileCheck2 className="size-4 text-primary" aria-hidden />
              {t("prepareTitle")}
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <p className="text-muted-foreground">{t("prepareHint")}</p>
            <ul className="space-y-1.5">
              {(["prepareLicense", "prepareLegalId", "preparePledge"] as const).map((key) => (
                <li key={key} className="flex items-center gap-2">
                  <span className="size-1.5 rounded-full bg-primary" aria-hidden />
                  {tcommon("bracketed", { name: t(key) })}
                </li>
              ))}
            </ul>
            <SampleLinks />
            <p className="text-xs text-muted-foreground">{t("reviewTime")}</p>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { OutboundAccessState } from "@/server/domain/outbound/outbound-access";

const MESSAGES = {
  notApplied: "bannerNotApplied",
  draft: "bannerDraft",
  pending: "bannerPending",
  rejected: "bannerRejected",
} as const;

/**
 * Shown on every 智能外呼 page while the company is not approved, leading to onboarding (the server refuses the
 * capability itself; this only explains why). Renders nothing once approved. Load the state in the page with
 * `loadOutboundAccess(prisma, viewer.companyId)` from server/services/dialer/outbound/load-outbound-access.ts.
 */
export function OutboundOnboardingBanner({ state }: { state: OutboundAccessState }) {
  const t = useTranslations("onboarding");
  if (state === "approved") return null;
  return (
    <Alert className="border-amber-300 bg-amber-50 text-amber-900" data-testid="outbound-onboarding-banner">
      <ShieldAlert className="size-4" />
      <AlertTitle>{t("bannerTitle")}</AlertTitle>
      <AlertDescription className="flex flex-wrap items-center justify-between gap-3 text-amber-800">
        <span>{t(MESSAGES[state])}</span>
        <Button asChild size="sm" variant="outline" className="border-amber-400 bg-white">
          <Link href="/management/outbound">{t(state === "pending" ? "bannerProgress" : "bannerAction")}</Link>
        </Button>
      </AlertDescription>
    </Alert>
  );
}

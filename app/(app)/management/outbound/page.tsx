import { getTranslations } from "next-intl/server";
import { Info } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { CallingWindowNotice } from "@/components/calls/calling-window-notice";
import { CallingHoldBanner } from "@/components/outbound/calling-hold-banner";
import { VendorCapacityPanel } from "@/components/outbound/vendor-capacity-panel";
import { ManagedScriptTable } from "@/components/outbound/managed-script-table";
import { PageHeader } from "@/components/shell/page-header";
import { OutboundTabs } from "@/components/scripts/outbound-tabs";
import { OutboundIntro } from "@/components/onboarding/outbound-intro";
import { QualificationStatusCard } from "@/components/onboarding/qualification-status-card";
import { trpc, getQueryClient, HydrateClient } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";
import { can } from "@/server/domain/auth/permissions";
import { WINDOW_END_HOUR, WINDOW_START_HOUR } from "@/server/domain/calling-policy/calling-window";
import { MAX_OUTREACHES_IN_WINDOW, OUTREACH_WINDOW_DAYS, SAME_SCRIPT_DAYS } from "@/server/domain/calling-policy/frequency-caps";
import { effectiveMaxAttempts } from "@/server/domain/calling-policy/redial";

export async function generateMetadata() {
  return { title: (await getTranslations("outbound"))("title") };
}

/** 外呼管理: the intro and onboarding status until the company is approved, then the notices and the managed scripts. */
export default async function OutboundPage() {
  const viewer = await requireCompanyPermission("outbound.view");
  const [overview, t, tcommon] = await Promise.all([
    getQueryClient().fetchQuery(trpc.outbound.overview.queryOptions()),
    getTranslations("outbound"),
    getTranslations("common"),
  ]);
  const canApply = can(viewer, "outbound.onboarding.manage");

  if (!overview.enabled) {
    const q = overview.qualification;
    return (
      <div className="space-y-4">
        <PageHeader title={t("title")} />
        {q && q.status !== "approved" ? (
          <QualificationStatusCard
            status={q.status}
            submittedAt={q.submittedAt}
            reviewedAt={q.reviewedAt}
            rejectReason={q.rejectReason}
            canApply={canApply}
          />
        ) : (
          <OutboundIntro canApply={canApply} />
        )}
      </div>
    );
  }

  const opened = overview.openedClinics.map((c) => tcommon("bracketed", { name: c.shortName })).join(tcommon("bracketedSeparator"));
  const notices = [
    opened ? t("opened", { clinics: opened }) : t("notOpened"),
    t("seats", { seatLimit: overview.limits.seatLimit, seatsPerScript: overview.limits.seatsPerScript }),
    t("window", { start: WINDOW_START_HOUR, end: WINDOW_END_HOUR }),
    t("redial", { minutes: overview.limits.redialIntervalMin, redials: effectiveMaxAttempts(overview.limits.redialMaxAttempts) - 1 }),
    t("frequency", { sameScriptDays: SAME_SCRIPT_DAYS, windowDays: OUTREACH_WINDOW_DAYS, windowTimes: MAX_OUTREACHES_IN_WINDOW }),
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <OutboundTabs />
      <CallingHoldBanner canManage={can(viewer, "outbound.tasks.manage")} />
      {can(viewer, "outbound.tasks.manage") ? <VendorCapacityPanel /> : null}
      <CallingWindowNotice wait={overview.callingWindow} />
      {overview.callBalance !== null ? (
        <p className={overview.callBalance > 0 ? "text-sm" : "text-sm font-medium text-destructive"} data-testid="call-balance">
          {t("balance", { minutes: overview.callBalance })}
          <span className="ml-2 text-muted-foreground">{overview.callBalance > 0 ? t("balanceHint") : t("balanceEmpty")}</span>
        </p>
      ) : null}
      <Alert data-testid="outbound-notices">
        <Info className="size-4" />
        <AlertDescription>
          <ol className="list-decimal space-y-1 pl-4">
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ol>
        </AlertDescription>
      </Alert>
      <HydrateClient>
        <ManagedScriptTable canManage={can(viewer, "outbound.tasks.manage")} canViewRecords={can(viewer, "outbound.records.view")} />
      </HydrateClient>
    </div>
  );
}

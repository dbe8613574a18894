"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleCheck, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/client";
import type { CapacityProblem } from "@/server/domain/vendor/capacity-problems";

/**
 * 腾讯云账号检查 (issue 24): what the vendor accounts can do now, from their own description actions, with the problems
 * to fix (no approved number, a package about to expire, little SMS balance). Nothing is shown with the simulator.
 */
export function VendorCapacityPanel({ platform = false }: { platform?: boolean }) {
  const t = useTranslations("outboundManagement");
  const trpc = useTRPC();
  const company = useQuery({ ...trpc.outboundManagement.vendorCapacity.queryOptions({}), staleTime: 5 * 60_000, enabled: !platform });
  const platformCheck = useQuery({ ...trpc.qualificationReview.vendorCapacity.queryOptions({}), staleTime: 5 * 60_000, enabled: platform });
  const { data, isLoading, isFetching, refetch } = platform ? platformCheck : company;
  if (isLoading) return <Skeleton className="h-16 w-full" aria-label={t("capacityChecking")} />;
  if (!data || (data.calling === null && data.sms === null)) return null;

  const problemText = (p: CapacityProblem): string => {
    switch (p.code) {
      case "callerUnusable":
        return p.state === null
          ? t("problem_callerMissing", { number: p.number })
          : t("problem_callerUnusable", { number: p.number, state: [2, 4, 5].includes(p.state) ? t(`numberState_${p.state as 2 | 4 | 5}`) : t("numberState_other") });
      case "callPackageExpired":
        return t("problem_callPackageExpired", { days: p.endedDaysAgo });
      case "callPackageExpiresSoon":
      case "smsPackageExpiresSoon":
        return t(`problem_${p.code}`, { days: p.days });
      case "callPackageLow":
        return t("problem_callPackageLow", { remaining: p.remaining });
      case "smsBalanceLow":
        return t("problem_smsBalanceLow", { balance: p.balance });
      default:
        return t(`problem_${p.code}`);
    }
  };
  const lines: { key: string; text: string; problem: boolean }[] = [];
  if (data.calling) {
    if ("error" in data.calling) lines.push({ key: "calls-error", text: `${t("capacityCalls")} · ${t("capacityError", { message: data.calling.error })}`, problem: true });
    else {
      const a = data.calling.account;
      lines.push({ key: "calls", text: `${t("capacityCalls")} · ${t("capacitySummaryCalls", { numbers: a.numbers.length, usable: a.numbers.filter((n) => n.state === 1).length, seats: a.seats })}`, problem: false });
      data.calling.problems.forEach((p, i) => lines.push({ key: `calls-${i}`, text: problemText(p), problem: true }));
    }
  }
  if (data.sms) {
    if ("error" in data.sms) lines.push({ key: "sms-error", text: `${t("capacitySms")} · ${t("capacityError", { message: data.sms.error })}`, problem: true });
    else {
      lines.push({ key: "sms", text: `${t("capacitySms")} · ${t("capacitySummarySms", { balance: data.sms.balance })}`, problem: false });
      data.sms.problems.forEach((p, i) => lines.push({ key: `sms-${i}`, text: problemText(p), problem: true }));
    }
  }
  const count = lines.filter((l) => l.problem).length;
  return (
    <Alert className={count ? "border-amber-300 bg-amber-50" : undefined} data-testid="vendor-capacity">
      {count ? <TriangleAlert className="size-4" /> : <CircleCheck className="size-4" />}
      <AlertTitle>{count ? t("capacityProblems", { count }) : t("capacityOk")}</AlertTitle>
      <AlertDescription>
        <ul className="space-y-1">
          {lines.map((l) => (
            <li key={l.key} className={l.problem ? "font-medium text-amber-900" : "text-muted-foreground"} data-testid={l.problem ? "vendor-capacity-problem" : undefined}>
              {l.text}
            </li>
          ))}
        </ul>
        <Button size="sm" variant="outline" className="mt-2" disabled={isFetching} onClick={() => void refetch()}>
          {t("capacityRecheck")}
        </Button>
      </AlertDescription>
    </Alert>
  );
}

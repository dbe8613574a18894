import { getTranslations } from "next-intl/server";
import { Info } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { ComingSoon } from "@/components/shell/coming-soon";
import { trpc, getQueryClient } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("outbound"))("title") };
}

export default async function OutboundPage() {
  await requireCompanyPermission("outbound.view");
  const [overview, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.outbound.overview.queryOptions()),
    getTranslations("outbound"),
  ]);
  const opened = overview.openedClinics.map((c) => `【${c.shortName}】`).join("");
  const notices = [
    opened ? t("opened", { clinics: opened }) : t("notOpened"),
    t("seats", { seatLimit: overview.limits.seatLimit, seatsPerScript: overview.limits.seatsPerScript }),
    t("window"),
    t("redial", { minutes: overview.limits.redialIntervalMin }),
    t("frequency"),
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
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
      <ComingSoon feature={t("title")} />
    </div>
  );
}

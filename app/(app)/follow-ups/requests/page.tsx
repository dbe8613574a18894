import { getTranslations } from "next-intl/server";
import { AppointmentRequestsView } from "@/components/timeline/appointment-requests-view";
import { FollowUpTabs } from "@/components/timeline/follow-up-tabs";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("followUps"))("tabRequests") };
}

/** 预约意向: times patients proposed on calls, for the front desk to confirm into appointments. */
export default async function AppointmentRequestsPage() {
  await requireCompanyPermission("followUps.view");
  const t = await getTranslations("followUps");
  await prefetch(trpc.followUps.appointmentRequests.queryOptions({ status: "pending", page: 1 }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <FollowUpTabs active="requests" />
      </div>
      <HydrateClient>
        <AppointmentRequestsView />
      </HydrateClient>
    </div>
  );
}

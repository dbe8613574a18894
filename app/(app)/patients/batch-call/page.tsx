import { getTranslations } from "next-intl/server";
import { BatchCallView } from "@/components/batch-call/batch-call-view";
import { OutboundOnboardingBanner } from "@/components/onboarding/outbound-onboarding-banner";
import { requireCompanyPermission } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { loadOutboundAccess } from "@/server/services/dialer/outbound/load-outbound-access";

export async function generateMetadata() {
  return { title: (await getTranslations("batchCall"))("title") };
}

/** 【患者】-【患者管理】-【批量处理】-【智能外呼】. The selection comes from the patient list through sessionStorage. */
export default async function BatchCallPage() {
  const viewer = await requireCompanyPermission("outbound.calls.start");
  const [t, access] = await Promise.all([getTranslations("batchCall"), loadOutboundAccess(prisma, viewer.companyId)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {access !== "approved" ? <OutboundOnboardingBanner state={access} /> : <BatchCallView />}
    </div>
  );
}

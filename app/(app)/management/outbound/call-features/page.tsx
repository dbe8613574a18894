import { getTranslations } from "next-intl/server";
import { AiCallFeaturesForm } from "@/components/outbound/ai-call-features-form";
import { PageHeader } from "@/components/shell/page-header";
import { OutboundTabs } from "@/components/scripts/outbound-tabs";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";
import { can } from "@/server/domain/auth/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("aiCallFeatures"))("title") };
}

/** 外呼管理 → AI 通话功能 (issue 24): the vendor's call features for the company, editable by those who manage tasks. */
export default async function AiCallFeaturesPage() {
  const viewer = await requireCompanyPermission("outbound.view");
  const t = await getTranslations("aiCallFeatures");
  await prefetch(trpc.outboundManagement.aiCallFeatures.queryOptions({}));
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <OutboundTabs />
      <HydrateClient>
        <AiCallFeaturesForm canManage={can(viewer, "outbound.tasks.manage")} />
      </HydrateClient>
    </div>
  );
}

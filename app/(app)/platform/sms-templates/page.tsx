import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { SmsReviewView } from "@/components/sms/sms-review-view";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requirePlatformAdmin } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("sms"))("reviewTitle") };
}

/** 短信模板审核: the platform registers SMS templates with the carriers, so it approves them (not the company). */
export default async function SmsReviewPage() {
  await requirePlatformAdmin();
  await prefetch(trpc.sms.reviewList.queryOptions({ status: "pending" }));
  const t = await getTranslations("sms");
  return (
    <div className="space-y-4">
      <PageHeader title={t("reviewTitle")} hint={t("reviewHint")} />
      <HydrateClient>
        <SmsReviewView />
      </HydrateClient>
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { ClinicList } from "@/components/clinics/clinic-list";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("clinics"))("title") };
}

export default async function ClinicsPage() {
  await requireCompanyPermission("clinics.manage");
  await prefetch(trpc.clinics.list.queryOptions());
  const t = await getTranslations("clinics");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <HydrateClient>
        <ClinicList />
      </HydrateClient>
    </div>
  );
}

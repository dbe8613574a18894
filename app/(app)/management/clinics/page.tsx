import { getTranslations } from "next-intl/server";
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
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("hint")}</p>
      </div>
      <HydrateClient>
        <ClinicList />
      </HydrateClient>
    </div>
  );
}

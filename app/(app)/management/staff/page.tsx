import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { StaffList } from "@/components/staff/staff-list";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffPage() {
  await requireCompanyPermission("roles.manage");
  await prefetch(trpc.staff.list.queryOptions());
  const t = await getTranslations("staff");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <HydrateClient>
        <StaffList />
      </HydrateClient>
    </div>
  );
}

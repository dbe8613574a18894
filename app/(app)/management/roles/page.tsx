import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { RolePermissions } from "@/components/roles/role-permissions";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";
import { BASE_PERMISSIONS, OUTBOUND_PERMISSIONS } from "@/server/domain/auth/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("roles"))("title") };
}

export default async function RolesPage() {
  await requireCompanyPermission("roles.manage");
  await prefetch(trpc.roles.list.queryOptions());
  const t = await getTranslations("roles");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <HydrateClient>
        <RolePermissions
          groups={[
            { key: "groupOutbound", permissions: [...OUTBOUND_PERMISSIONS] },
            { key: "groupBase", permissions: [...BASE_PERMISSIONS] },
          ]}
        />
      </HydrateClient>
    </div>
  );
}

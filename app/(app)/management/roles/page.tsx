import { getTranslations } from "next-intl/server";
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
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("hint")}</p>
      </div>
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

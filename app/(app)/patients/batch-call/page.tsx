import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requireCompanyPermission } from "@/server/auth/viewer";

export default async function Page() {
  await requireCompanyPermission("outbound.calls.start");
  const t = await getTranslations("nav");
  return <ComingSoon feature={t("outbound")} />;
}

import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requirePlatformAdmin } from "@/server/auth/viewer";

export default async function Page() {
  await requirePlatformAdmin();
  const t = await getTranslations("nav");
  return <ComingSoon feature={t("qualificationReview")} />;
}

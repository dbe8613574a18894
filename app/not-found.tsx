import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const [t, tc] = await Promise.all([getTranslations("notFound"), getTranslations("common")]);
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="text-sm text-muted-foreground">{t("body")}</p>
      <Link href="/" className="text-sm text-primary underline-offset-4 hover:underline">{tc("backHome")}</Link>
    </main>
  );
}

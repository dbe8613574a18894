import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ShieldAlert } from "lucide-react";

export default async function Forbidden() {
  const [t, tc] = await Promise.all([getTranslations("forbidden"), getTranslations("common")]);
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <ShieldAlert className="size-10 text-destructive" aria-hidden />
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="max-w-md text-sm text-muted-foreground">{t("body")}</p>
      <Link href="/" className="text-sm text-primary underline-offset-4 hover:underline">{tc("backHome")}</Link>
    </main>
  );
}

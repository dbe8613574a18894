import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("terms"))("title") };
}

const SECTIONS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** 服务条款: public, so it can be read before signing in and opened from the sign-up form in a new tab. */
export default async function OutboundTermsPage() {
  const t = await getTranslations("terms");
  return (
    <main className="min-h-screen bg-muted/30 px-4 py-10">
      <Card className="mx-auto max-w-3xl">
        <CardHeader>
          <CardTitle className="text-2xl">{t("title")}</CardTitle>
          <CardDescription>{t("updated")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-6 text-sm leading-relaxed">
          <p>{t("intro")}</p>
          {SECTIONS.map((n) => (
            <section key={n} className="space-y-1.5">
              <h2 className="text-base font-semibold">{t(`s${n}Title`)}</h2>
              <p className="text-foreground/80">{t(`s${n}Body`)}</p>
            </section>
          ))}
        </CardContent>
      </Card>
    </main>
  );
}

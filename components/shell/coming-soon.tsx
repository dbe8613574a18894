import { getTranslations } from "next-intl/server";
import { Construction } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";

/** An honest placeholder for a menu entry whose feature lands in a later release. */
export async function ComingSoon({ feature, children }: { feature: string; children?: React.ReactNode }) {
  const t = await getTranslations("coming");
  return (
    <Card>
      <CardContent className="flex flex-col items-center gap-3 py-16 text-center">
        <Construction className="size-10 text-muted-foreground" aria-hidden />
        <h1 className="text-lg font-semibold">{t("title", { feature })}</h1>
        <p className="max-w-md text-sm text-muted-foreground">{t("body")}</p>
        {children}
      </CardContent>
    </Card>
  );
}

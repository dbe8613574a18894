import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { navFor } from "@/components/shell/nav-items";
import { prisma } from "@/server/db/client";
import { requireViewer } from "@/server/auth/viewer";
import { getHomeStats } from "@/server/services/home/get-home-stats";

export default async function HomePage() {
  const viewer = await requireViewer();
  if (!viewer.companyId) redirect("/platform/qualifications");
  const [t, tNav] = await Promise.all([getTranslations("home"), getTranslations("nav")]);
  const stats = await getHomeStats(prisma, { companyId: viewer.companyId, clinicIds: viewer.clinicIds }, new Date());
  const links = navFor(viewer).flatMap((g) => (g.href ? [] : (g.sections ?? []).flatMap((s) => s.links)));
  const cards = [
    ["patients", stats.patients],
    ["appointmentsToday", stats.appointmentsToday],
    ["appointmentsTomorrow", stats.appointmentsTomorrow],
    ["followUpsPending", stats.followUpsPending],
  ] as const;

  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">{t("greeting", { name: viewer.name })}</h1>
      {stats.followUpsOverdue > 0 ? (
        <Link
          href="/follow-ups/tasks"
          data-testid="home-overdue-follow-ups"
          className="flex items-center justify-between rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 hover:bg-red-100"
        >
          <span>{t("followUpsOverdue", { count: stats.followUpsOverdue })}</span>
          <span className="font-medium">{t("toWorklist")}</span>
        </Link>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map(([key, value]) => (
          <Card key={key}>
            <CardHeader className="pb-2">
              <CardDescription>{t(key)}</CardDescription>
              <CardTitle className="text-3xl tabular-nums" data-testid={`stat-${key}`}>
                {value.toLocaleString("zh-CN")}
              </CardTitle>
            </CardHeader>
          </Card>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("openedClinics")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2">
            {stats.openedClinics.length === 0 ? (
              <span className="text-sm text-muted-foreground">{t("none")}</span>
            ) : (
              stats.openedClinics.map((c) => <Badge key={c.id} variant="secondary">{c.shortName}</Badge>)
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("quickLinks")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2">
            {links.map((l) => (
              <Link key={l.href} href={l.href} className="rounded-md border px-3 py-1.5 text-sm hover:bg-accent">
                {tNav(l.key)}
              </Link>
            ))}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

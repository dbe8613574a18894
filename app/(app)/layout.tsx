import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AppSidebar } from "@/components/shell/app-sidebar";
import { navFor } from "@/components/shell/nav-items";
import { UserMenu } from "@/components/shell/user-menu";
import { requireViewer } from "@/server/auth/viewer";
import { PLATFORM_ADMIN_ROLE_NAME } from "@/server/domain/i18n/vocabulary";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const [t, locale] = await Promise.all([getTranslations("app"), getLocale()]);
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 border-r bg-sidebar md:block">
        <Link href="/" className="flex h-14 items-center gap-2 border-b px-5 font-semibold text-primary">
          <span className="flex size-7 items-center justify-center rounded-md bg-primary text-xs text-primary-foreground">AI</span>
          {t("name")}
        </Link>
        <AppSidebar nav={navFor(viewer)} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between border-b bg-background px-6">
          <span className="text-sm text-muted-foreground">{t("tagline")}</span>
          <UserMenu name={viewer.name} roleName={viewer.isPlatformAdmin ? PLATFORM_ADMIN_ROLE_NAME : viewer.roleName} locale={locale} />
        </header>
        <main className="flex-1 bg-muted/30 p-6">{children}</main>
      </div>
    </div>
  );
}

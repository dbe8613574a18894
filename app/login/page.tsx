import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getViewer } from "@/server/auth/viewer";
import { showDemoAccounts } from "@/server/env";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo-accounts";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-password";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getViewer()) redirect("/");
  const [{ next }, t, tApp] = await Promise.all([searchParams, getTranslations("login"), getTranslations("app")]);
  const demo = showDemoAccounts();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-primary/10 via-background to-background p-6">
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle className="text-2xl">{tApp("name")}</CardTitle>
          <CardDescription>{t("subtitle")}</CardDescription>
        </CardHeader>
        <CardContent>
          <LoginForm
            next={next ?? "/"}
            demoAccounts={demo ? DEMO_ACCOUNTS.map(({ label, account }) => ({ label, account })) : []}
            demoPassword={demo ? DEMO_PASSWORD : ""}
          />
        </CardContent>
      </Card>
    </main>
  );
}

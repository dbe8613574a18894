import { getTranslations } from "next-intl/server";
import { OutboundTabs } from "@/components/scripts/outbound-tabs";
import { ScriptEditor } from "@/components/scripts/script-editor";
import { PageHeader } from "@/components/shell/page-header";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireOutboundPage } from "@/server/auth/require-outbound-page";

export async function generateMetadata({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const kind = (await searchParams).kind === "fixed" ? "fixed" : "ai";
  return { title: (await getTranslations("scripts"))(`newTitle_${kind}`) };
}

export default async function NewScriptPage({ searchParams }: { searchParams: Promise<{ kind?: string; templateId?: string }> }) {
  await requireOutboundPage("outbound.scripts.manage");
  const params = await searchParams;
  const kind = params.kind === "fixed" ? "fixed" : "ai";
  await Promise.all([
    prefetch(trpc.scripts.templates.queryOptions({ kind })),
    prefetch(trpc.scripts.voices.queryOptions()),
    prefetch(trpc.scripts.clinics.queryOptions()),
    prefetch(trpc.scripts.smsOptions.queryOptions()),
  ]);
  const t = await getTranslations("scripts");
  return (
    <div className="space-y-4">
      <PageHeader title={t(`newTitle_${kind}`)} />
      <OutboundTabs />
      <HydrateClient>
        <ScriptEditor kind={kind} initialTemplateId={params.templateId} canManage />
      </HydrateClient>
    </div>
  );
}

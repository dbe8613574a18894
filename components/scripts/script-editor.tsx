"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/client";
import { ScriptEditorForm } from "./script-editor-form";

/** Loads what the editor needs (templates of the kind, voices, clinics, approved SMS templates, the script), then shows it. */
export function ScriptEditor({
  kind,
  scriptId,
  initialTemplateId,
  canManage,
}: {
  kind: "ai" | "fixed";
  scriptId?: string;
  initialTemplateId?: string;
  canManage: boolean;
}) {
  const t = useTranslations("scripts");
  const trpc = useTRPC();
  const templates = useQuery(trpc.scripts.templates.queryOptions({ kind }));
  const voices = useQuery(trpc.scripts.voices.queryOptions());
  const clinics = useQuery(trpc.scripts.clinics.queryOptions());
  const sms = useQuery({ ...trpc.scripts.smsOptions.queryOptions(), enabled: canManage });
  const script = useQuery({ ...trpc.scripts.byId.queryOptions({ id: scriptId ?? "" }), enabled: Boolean(scriptId) });

  const failed = [templates, voices, clinics, script].find((q) => q.error);
  if (failed?.error) return <p className="text-sm text-destructive">{t("loadFailed", { message: failed.error.message })}</p>;
  const loading = templates.isPending || voices.isPending || clinics.isPending || (canManage && sms.isPending) || (scriptId && script.isPending);
  if (loading || !templates.data || !voices.data || !clinics.data) {
    return (
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
    );
  }
  return (
    <ScriptEditorForm
      key={script.data?.updatedAt?.toString() ?? "new"}
      kind={kind}
      templates={templates.data}
      voices={voices.data}
      clinics={clinics.data}
      smsOptions={sms.data ?? []}
      script={script.data}
      initialTemplateId={initialTemplateId}
      readOnly={!canManage || script.data?.status === "stopped"}
    />
  );
}

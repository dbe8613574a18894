"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/client";
import { QUALIFICATION_DOCUMENT_KINDS } from "@/server/domain/qualification/document-kinds";
import { DocumentUploadCard } from "./document-upload-card";
import type { UploadedDocument } from "./upload-document";

/** Step two: the four documents, then 提交审核 (enabled once all four are stored). */
export function QualificationDocumentsForm() {
  const t = useTranslations("onboarding");
  const [confirming, setConfirming] = useState(false);
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.qualification.mine.queryOptions());

  const submit = useMutation(
    trpc.qualification.submit.mutationOptions({
      onSuccess: async () => {
        toast.success(t("submittedToast"));
        await queryClient.invalidateQueries({ queryKey: trpc.qualification.mine.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.outbound.overview.queryKey() });
        router.push("/management/outbound");
        router.refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  if (mine.isPending) return <Skeleton className="h-96 w-full" />;
  const application = mine.data?.application;
  if (!application) return null;

  const documents = application.documents;
  const missing = QUALIFICATION_DOCUMENT_KINDS.filter((k) => !documents.some((d) => d.kind === k));
  const disabled = !application.editable || submit.isPending;

  const onUploaded = (doc: UploadedDocument) => {
    toast.success(t("uploadedToast", { kind: t(`kind_${doc.kind}`) }));
    queryClient.setQueryData(trpc.qualification.mine.queryKey(), (old) =>
      old?.application
        ? {
            ...old,
            application: {
              ...old.application,
              documents: [...old.application.documents.filter((d) => d.kind !== doc.kind), { ...doc, uploadedAt: new Date(doc.uploadedAt) }],
            },
          }
        : old,
    );
    void queryClient.invalidateQueries({ queryKey: trpc.qualification.mine.queryKey() });
  };

  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {QUALIFICATION_DOCUMENT_KINDS.map((kind) => (
          <DocumentUploadCard key={kind} kind={kind} document={documents.find((d) => d.kind === kind)} disabled={disabled} onUploaded={onUploaded} />
        ))}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t pt-4">
        <Button asChild variant="outline">
          <Link href="/management/outbound/apply">{t("editApplicant")}</Link>
        </Button>
        <div className="flex items-center gap-3">
          <span className="text-sm text-muted-foreground" data-testid="documents-progress">
            {missing.length > 0 ? t("missingCount", { count: missing.length }) : t("allUploaded")}
          </span>
          <Button disabled={disabled || missing.length > 0} onClick={() => setConfirming(true)} data-testid="submit-qualification">
            {submit.isPending ? t("submitting") : t("submit")}
          </Button>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title={t("confirmSubmitTitle")}
            body={t("confirmSubmitBody")}
            confirmLabel={t("submit")}
            confirmTestId="confirm-submit"
            onConfirm={() => submit.mutate()}
          />
        </div>
      </div>
    </div>
  );
}

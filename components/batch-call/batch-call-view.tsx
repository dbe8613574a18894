"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { ArrowLeft, PhoneCall, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { toast } from "sonner";
import { CallingWindowNotice } from "@/components/calls/calling-window-notice";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { useTRPC } from "@/components/trpc/client";
import { BatchProgress } from "./batch-progress";
import { CallPlan } from "./call-plan";
import { ScriptOption } from "./script-option";

type BatchPatientRow = RouterOutputs["batchCall"]["patients"][number];

/** Where 患者管理 leaves the chosen patients (components/patients/patient-table.tsx). */
export const SELECTION_KEY = "batchCall.patientIds";

/** 【批量处理】-【智能外呼】: the chosen patients, the script, the 呼叫预估, 【开始呼叫】 and the batch's progress. */
export function BatchCallView() {
  const t = useTranslations("batchCall");
  const tp = useTranslations("patients");
  const tc = useTranslations("common");
  const tw = useTranslations("callingWindow");
  const trpc = useTRPC();
  const [ids, setIds] = useState<string[] | null>(null);
  const [scriptId, setScriptId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<{ batchId: string; scriptId: string } | null>(null);

  useEffect(() => {
    try {
      const raw = JSON.parse(sessionStorage.getItem(SELECTION_KEY) ?? "[]");
      setIds(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string") : []);
    } catch {
      setIds([]);
    }
  }, []);

  const patients = useQuery({ ...trpc.batchCall.patients.queryOptions({ ids: ids ?? [] }), enabled: !!ids?.length });
  const scripts = useQuery(trpc.scripts.callable.queryOptions({ forJourney: false }));
  const visibleIds = patients.data?.map((p) => p.id) ?? [];
  const preview = useQuery({
    ...trpc.batchCall.preview.queryOptions({ scriptId: scriptId ?? "", patientIds: visibleIds }),
    enabled: !!scriptId && visibleIds.length > 0 && !started,
    placeholderData: keepPreviousData,
  });
  const start = useMutation(
    trpc.batchCall.start.mutationOptions({
      onSuccess: (res) => {
        toast.success(t("started", { queued: res.queued }));
        sessionStorage.removeItem(SELECTION_KEY);
        setStarted({ batchId: res.batchId, scriptId: scriptId! });
        setConfirming(false);
      },
      onError: (e) => {
        toast.error(e.message);
        setConfirming(false);
      },
    }),
  );

  const remove = (id: string) => {
    const next = (ids ?? []).filter((x) => x !== id);
    sessionStorage.setItem(SELECTION_KEY, JSON.stringify(next));
    setIds(next);
  };

  const columns: ColumnDef<BatchPatientRow>[] = [
    { id: "name", header: t("name"), meta: { className: "font-medium" }, cell: ({ row }) => row.original.name },
    { id: "gender", header: t("gender"), cell: ({ row }) => tp(`gender_${row.original.gender}`) },
    {
      id: "mobile",
      header: t("mobile"),
      meta: { className: "font-mono text-xs", headClassName: "" },
      cell: ({ row }) => row.original.mobile || <span className="text-muted-foreground">{tp("noMobile")}</span>,
    },
    { id: "medicalRecordNo", header: t("medicalRecordNo"), meta: { className: "font-mono text-xs", headClassName: "" }, cell: ({ row }) => row.original.medicalRecordNo ?? "—" },
    { id: "clinic", header: t("clinic"), cell: ({ row }) => row.original.clinic.shortName },
    { id: "consultant", header: t("consultant"), cell: ({ row }) => row.original.consultant ?? "—" },
    {
      id: "remove",
      header: () => <span className="sr-only">{t("remove")}</span>,
      meta: { className: "text-right" },
      cell: ({ row: { original: p } }) =>
        !started ? (
          <Button variant="ghost" size="icon" aria-label={`${t("remove")} ${p.name}`} onClick={() => remove(p.id)}>
            <X className="size-4" />
          </Button>
        ) : null,
    },
  ];

  if (ids === null) return <Skeleton className="h-64 w-full" />;
  if (ids.length === 0 && !started) {
    return (
      <Card>
        <CardContent className="py-16 text-center">
          <div className="font-medium">{t("noneTitle")}</div>
          <p className="mb-4 text-sm text-muted-foreground">{t("noneHint")}</p>
          <Button asChild>
            <Link href="/patients">{t("toPatients")}</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }
  const script = scripts.data?.find((s) => s.id === scriptId);
  const missing = patients.data ? ids.length - patients.data.length : 0;

  return (
    <div className="space-y-4">
      <Link href="/patients" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" /> {t("back")}
      </Link>
      {started ? <BatchProgress batchId={started.batchId} scriptId={started.scriptId} /> : null}
      <div className="grid gap-4 lg:grid-cols-[360px_1fr]">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("scriptTitle")}</CardTitle>
            <CardDescription>{t("scriptHint")}</CardDescription>
          </CardHeader>
          <CardContent className="space-y-2" data-testid="script-picker">
            {scripts.isPending ? (
              <Skeleton className="h-24 w-full" />
            ) : scripts.error ? (
              <p className="text-sm text-destructive">{scripts.error.message}</p>
            ) : scripts.data.length === 0 ? (
              <div className="py-6 text-center text-sm">
                <div className="font-medium">{t("noScripts")}</div>
                <div className="text-muted-foreground">{t("noScriptsHint")}</div>
              </div>
            ) : (
              scripts.data.map((s) => <ScriptOption key={s.id} script={s} selected={s.id === scriptId} onSelect={() => !started && setScriptId(s.id)} />)
            )}
          </CardContent>
        </Card>
        <div className="space-y-4">
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("planTitle")}</CardTitle>
              <CardDescription>{t("planHint")}</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              {scriptId ? (
                <CallPlan preview={preview.data} loading={preview.isPending} error={preview.error?.message ?? null} />
              ) : (
                <p className="text-sm text-muted-foreground">{t("pickScriptFirst")}</p>
              )}
              <div className="flex justify-end">
                <Button
                  disabled={!scriptId || !preview.data || preview.data.nothingToStart || visibleIds.length === 0 || start.isPending || !!started}
                  onClick={() => setConfirming(true)}
                  data-testid="start-batch"
                >
                  <PhoneCall className="size-4" /> {start.isPending ? t("starting") : t("start")}
                </Button>
              </div>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("patientsTitle", { count: patients.data?.length ?? ids.length })}</CardTitle>
              {missing > 0 ? <CardDescription className="text-amber-700">{t("missing", { count: missing })}</CardDescription> : null}
            </CardHeader>
            <CardContent>
              <DataTable columns={columns} query={patients} isLoading={patients.isPending && ids.length > 0} loadingRows={1} empty={tc("empty")} rowTestId="batch-patient-row" />
            </CardContent>
          </Card>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("confirmTitle", { count: visibleIds.length })}
        body={
          preview.data?.callingWindow
            ? t("confirmBodyLater", {
                script: script?.name ?? "",
                now: preview.data.now,
                day: tw("day", { offset: String(preview.data.callingWindow.dayOffset) }),
                time: preview.data.callingWindow.time,
              })
            : t("confirmBody", { script: script?.name ?? "", now: preview.data?.now ?? 0 })
        }
        confirmLabel={start.isPending ? t("starting") : t("start")}
        busy={start.isPending}
        keepOpen
        confirmTestId="confirm-start"
        onConfirm={() => scriptId && start.mutate({ scriptId, patientIds: visibleIds })}
      >
        <CallingWindowNotice wait={preview.data?.callingWindow ?? null} />
      </ConfirmDialog>
    </div>
  );
}

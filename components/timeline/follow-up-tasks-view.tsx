"use client";

import { useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FilterSelect } from "@/components/shell/filter-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Switch } from "@/components/ui/switch";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { FOLLOW_UP_TYPES } from "@/server/domain/timeline/timeline-types";
import { FollowUpTimeline } from "./follow-up-timeline";

type FollowUpTaskRow = RouterOutputs["followUps"]["tasks"]["items"][number];

/** 任务中心-执行回/随访: pending tasks; each opens the patient's follow-up timeline (calls included) beside the list. */
export function FollowUpTasksView({ now }: { now: number }) {
  const t = useTranslations("followUps");
  const tt = useTranslations("timeline");
  const trpc = useTRPC();
  const [kind, setKind] = useState<"revisit" | "visit" | undefined>();
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const [patient, setPatient] = useState<{ id: string; name: string } | null>(null);
  const list = useQuery({ ...trpc.followUps.tasks.queryOptions({ kind, mine, page }), placeholderData: keepPreviousData });
  const columns: ColumnDef<FollowUpTaskRow>[] = [
    {
      id: "dueAt",
      header: t("dueAt"),
      meta: { className: "whitespace-nowrap tabular-nums" },
      cell: ({ row: { original: task } }) => (
        <>
          {formatInZone(task.dueAt, task.clinic.timezone, "minute")}
          {new Date(task.dueAt).getTime() < now ? (
            <Badge variant="destructive" className="ml-2">
              {t("overdue")}
            </Badge>
          ) : null}
        </>
      ),
    },
    { id: "kind", header: t("kind"), cell: ({ row }) => tt(`type_${row.original.kind}`) },
    { id: "patient", header: t("patient"), meta: { className: "font-medium" }, cell: ({ row }) => row.original.patient.name },
    { id: "title", header: t("taskTitle"), cell: ({ row }) => row.original.title },
    { id: "executor", header: t("executor"), cell: ({ row }) => row.original.executor?.name ?? "—" },
    { id: "clinic", header: t("clinic"), cell: ({ row }) => row.original.clinic.shortName },
    {
      id: "actions",
      header: t("actions"),
      meta: { className: "whitespace-nowrap text-right", headClassName: "text-right" },
      cell: ({ row: { original: task } }) => (
        <>
          <Button variant="link" size="sm" className="px-1" onClick={() => setPatient(task.patient)}>
            {t("viewTimeline")}
          </Button>
          <Button variant="link" size="sm" className="px-1" asChild>
            <Link href={`/patients/${task.patient.id}`}>{t("openPatient")}</Link>
          </Button>
        </>
      ),
    },
  ];

  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <p className="text-sm text-muted-foreground">{t("tasksHint")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <FilterSelect
          label={t("kind")}
          allLabel={t("allKinds")}
          value={kind}
          options={(["revisit", "visit"] as const).map((k) => ({ value: k, label: tt(`type_${k}`) }))}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          className="w-32"
        />
        <div className="flex items-center gap-2">
          <Switch
            id="mine"
            checked={mine}
            onCheckedChange={(v) => {
              setMine(v);
              setPage(1);
            }}
          />
          <Label htmlFor="mine">{t("mine")}</Label>
        </div>
      </div>
      <DataTable columns={columns} query={list} loadingRows={6} empty={t("emptyTasks")} rowTestId="follow-up-task-row" pagination={{ page, pageSize: 20, onPageChange: setPage }} />
      <Sheet open={!!patient} onOpenChange={(open) => !open && setPatient(null)}>
        <SheetContent className="w-full overflow-y-auto sm:max-w-xl">
          <SheetHeader>
            <SheetTitle>{patient ? t("timelineOf", { name: patient.name }) : ""}</SheetTitle>
            <SheetDescription>{tt("emptyHint")}</SheetDescription>
          </SheetHeader>
          <div className="px-4 pb-6">{patient ? <FollowUpTimeline source={{ scope: "patient", patientId: patient.id }} types={[...FOLLOW_UP_TYPES]} /> : null}</div>
        </SheetContent>
      </Sheet>
    </div>
  );
}

"use client";

import { useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { FOLLOW_UP_TYPES } from "@/server/domain/timeline/timeline-types";
import { FollowUpTimeline } from "./follow-up-timeline";
import { TableLoadingRows, TableEmptyRow } from "@/components/shell/table-status-rows";

const ALL = "__all__";

/** 任务中心-执行回/随访: pending tasks; each opens the patient's follow-up timeline (calls included) beside the list. */
export function FollowUpTasksView({ now }: { now: number }) {
  const t = useTranslations("followUps");
  const tt = useTranslations("timeline");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [kind, setKind] = useState<"revisit" | "visit" | undefined>();
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const [patient, setPatient] = useState<{ id: string; name: string } | null>(null);
  const list = useQuery({ ...trpc.followUps.tasks.queryOptions({ kind, mine, page }), placeholderData: keepPreviousData });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / 20));

  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <p className="text-sm text-muted-foreground">{t("tasksHint")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <Select
          value={kind ?? ALL}
          onValueChange={(v) => {
            setKind(v === ALL ? undefined : (v as "revisit" | "visit"));
            setPage(1);
          }}
        >
          <SelectTrigger className="w-32" aria-label={t("kind")}>
            <SelectValue>{kind ? tt(`type_${kind}`) : t("allKinds")}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allKinds")}</SelectItem>
            <SelectItem value="revisit">{tt("type_revisit")}</SelectItem>
            <SelectItem value="visit">{tt("type_visit")}</SelectItem>
          </SelectContent>
        </Select>
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
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("dueAt")}</TableHead>
            <TableHead>{t("kind")}</TableHead>
            <TableHead>{t("patient")}</TableHead>
            <TableHead>{t("taskTitle")}</TableHead>
            <TableHead>{t("executor")}</TableHead>
            <TableHead>{t("clinic")}</TableHead>
            <TableHead className="text-right">{t("actions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.isPending ? (
            <TableLoadingRows colSpan={7} rows={6} />
          ) : (list.data?.items.length ?? 0) === 0 ? (
            <TableEmptyRow colSpan={7}>
              {t("emptyTasks")}
            </TableEmptyRow>
          ) : (
            list.data?.items.map((task) => (
              <TableRow key={task.id} data-testid="follow-up-task-row">
                <TableCell className="whitespace-nowrap tabular-nums">
                  {formatInZone(task.dueAt, task.clinic.timezone, "minute")}
                  {new Date(task.dueAt).getTime() < now ? (
                    <Badge variant="destructive" className="ml-2">
                      {t("overdue")}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell>{tt(`type_${task.kind}`)}</TableCell>
                <TableCell className="font-medium">{task.patient.name}</TableCell>
                <TableCell>{task.title}</TableCell>
                <TableCell>{task.executor?.name ?? "—"}</TableCell>
                <TableCell>{task.clinic.shortName}</TableCell>
                <TableCell className="whitespace-nowrap text-right">
                  <Button variant="link" size="sm" className="px-1" onClick={() => setPatient(task.patient)}>
                    {t("viewTimeline")}
                  </Button>
                  <Button variant="link" size="sm" className="px-1" asChild>
                    <Link href={`/patients/${task.patient.id}`}>{t("openPatient")}</Link>
                  </Button>
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <div className="flex items-center justify-between text-sm text-muted-foreground">
        <span>{tc("total", { count: total })}</span>
        <div className="flex items-center gap-2">
          <span>{tc("page", { page, pages })}</span>
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {tc("prev")}
          </Button>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {tc("next")}
          </Button>
        </div>
      </div>
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

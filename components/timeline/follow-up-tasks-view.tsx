"use client";

import { useState } from "react";
import Link from "next/link";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { FilterSelect } from "@/components/shell/filter-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { formatInZone } from "@/components/calls/format-time";
import { CallDetailDialog } from "@/components/calls/call-detail-dialog";
import { useTRPC } from "@/components/trpc/client";
import { FOLLOW_UP_OUTCOMES, FOLLOW_UP_REASONS, type FollowUpOutcome, type FollowUpReason } from "@/server/domain/outcomes/follow-up-rules";
import { FOLLOW_UP_TYPES } from "@/server/domain/timeline/timeline-types";
import { FollowUpTimeline } from "./follow-up-timeline";

type FollowUpTaskRow = RouterOutputs["followUps"]["tasks"]["items"][number];

/**
 * 任务中心-执行回/随访: the worklist — tasks calls asked for (需回电, 投诉, 有不适, 预约意向) and the clinic's own 回访 / 随访;
 * each shows the call's 小结 and trigger sentence, opens the call and the patient's timeline, and is completed with a result.
 */
export function FollowUpTasksView({ now }: { now: number }) {
  const t = useTranslations("followUps");
  const tt = useTranslations("timeline");
  const tcommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<"revisit" | "visit" | undefined>();
  const [reason, setReason] = useState<FollowUpReason | undefined>();
  const [status, setStatus] = useState<"pending" | "done">("pending");
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [patient, setPatient] = useState<{ id: string; name: string } | null>(null);
  const [callId, setCallId] = useState<string | null>(null);
  const [completing, setCompleting] = useState<FollowUpTaskRow | null>(null);
  const [outcome, setOutcome] = useState<FollowUpOutcome | undefined>();
  const [note, setNote] = useState("");
  const input = { kind, reason, status, mine, overdue, now: overdue ? new Date(now) : undefined, page };
  const list = useQuery({ ...trpc.followUps.tasks.queryOptions(input), placeholderData: keepPreviousData });
  const complete = useMutation(
    trpc.followUps.complete.mutationOptions({
      onSuccess: () => {
        toast.success(t("completed"));
        setCompleting(null);
        void queryClient.invalidateQueries({ queryKey: trpc.followUps.tasks.queryKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const reset = () => setPage(1);

  const columns: ColumnDef<FollowUpTaskRow>[] = [
    {
      id: "dueAt",
      header: t("dueAt"),
      meta: { className: "whitespace-nowrap tabular-nums" },
      cell: ({ row: { original: task } }) => (
        <>
          {formatInZone(task.dueAt, task.clinic.timezone, "minute")}
          {task.status === "pending" && new Date(task.dueAt).getTime() < now ? (
            <Badge variant="destructive" className="ml-2" data-testid="overdue-badge">
              {t("overdue")}
            </Badge>
          ) : null}
        </>
      ),
    },
    {
      id: "reason",
      header: t("reason"),
      cell: ({ row: { original: task } }) =>
        task.reason ? <Badge variant={task.reason === "complaint" ? "destructive" : "secondary"}>{t(`reason_${task.reason}`)}</Badge> : tt(`type_${task.kind}`),
    },
    { id: "patient", header: t("patient"), meta: { className: "font-medium" }, cell: ({ row }) => row.original.patient.name },
    {
      id: "title",
      header: t("taskTitle"),
      meta: { className: "max-w-80" },
      cell: ({ row: { original: task } }) => (
        <div className="space-y-1">
          <div>{task.title}</div>
          {task.content ? <div className="text-xs text-muted-foreground">{tcommon("labelValue", { label: t("summary"), value: task.content })}</div> : null}
          {task.triggerSentence ? <div className="text-xs text-destructive">「{task.triggerSentence}」</div> : null}
          {task.result ? <div className="text-xs">{tcommon("labelValue", { label: t("result"), value: task.result })}</div> : null}
        </div>
      ),
    },
    { id: "executor", header: t("executor"), cell: ({ row }) => row.original.executor?.name ?? t("unassigned") },
    { id: "clinic", header: t("clinic"), cell: ({ row }) => row.original.clinic.shortName },
    {
      id: "actions",
      header: t("actions"),
      meta: { className: "whitespace-nowrap text-right", headClassName: "text-right" },
      cell: ({ row: { original: task } }) => (
        <>
          {task.status === "pending" ? (
            <Button
              variant="link"
              size="sm"
              className="px-1"
              data-testid="complete-task"
              onClick={() => {
                setCompleting(task);
                setOutcome(undefined);
                setNote("");
              }}
            >
              {t("complete")}
            </Button>
          ) : null}
          {task.callId ? (
            <Button variant="link" size="sm" className="px-1" onClick={() => setCallId(task.callId)}>
              {t("openCall")}
            </Button>
          ) : null}
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
          label={t("status")}
          allLabel={t("status_pending")}
          value={status === "done" ? "done" : undefined}
          options={[{ value: "done" as const, label: t("status_done") }]}
          onChange={(v) => {
            setStatus(v ?? "pending");
            reset();
          }}
          className="w-32"
        />
        <FilterSelect
          label={t("reason")}
          allLabel={t("allReasons")}
          value={reason}
          options={FOLLOW_UP_REASONS.map((r) => ({ value: r, label: t(`reason_${r}`) }))}
          onChange={(v) => {
            setReason(v);
            reset();
          }}
          className="w-36"
        />
        <FilterSelect
          label={t("kind")}
          allLabel={t("allKinds")}
          value={kind}
          options={(["revisit", "visit"] as const).map((k) => ({ value: k, label: tt(`type_${k}`) }))}
          onChange={(v) => {
            setKind(v);
            reset();
          }}
          className="w-32"
        />
        <div className="flex items-center gap-2">
          <Switch
            id="mine"
            checked={mine}
            onCheckedChange={(v) => {
              setMine(v);
              reset();
            }}
          />
          <Label htmlFor="mine">{t("mine")}</Label>
        </div>
        <div className="flex items-center gap-2">
          <Switch
            id="overdue"
            checked={overdue}
            onCheckedChange={(v) => {
              setOverdue(v);
              reset();
            }}
          />
          <Label htmlFor="overdue">{t("onlyOverdue")}</Label>
        </div>
      </div>
      <DataTable columns={columns} query={list} loadingRows={6} empty={t("emptyTasks")} rowTestId="follow-up-task-row" pagination={{ page, pageSize: 20, onPageChange: setPage }} />
      <Dialog open={!!completing} onOpenChange={(open) => !open && !complete.isPending && setCompleting(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("completeTitle")}</DialogTitle>
            <DialogDescription>{completing ? `${completing.patient.name} · ${completing.title}` : ""}</DialogDescription>
          </DialogHeader>
          <div className="space-y-3">
            <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={t("result")}>
              {FOLLOW_UP_OUTCOMES.map((o) => (
                <Button key={o} type="button" size="sm" variant={outcome === o ? "default" : "outline"} role="radio" aria-checked={outcome === o} onClick={() => setOutcome(o)}>
                  {t(`outcome_${o}`)}
                </Button>
              ))}
            </div>
            <Textarea placeholder={t("notePlaceholder")} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} aria-label={t("note")} />
          </div>
          <DialogFooter>
            <Button
              disabled={!outcome || complete.isPending}
              data-testid="complete-task-confirm"
              onClick={() => completing && outcome && complete.mutate({ id: completing.id, outcome, note: note.trim() || undefined })}
            >
              {complete.isPending ? t("saving") : t("complete")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <CallDetailDialog callId={callId} onOpenChange={(open) => !open && setCallId(null)} />
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

"use client";

import { useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/shell/filter-select";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { formatInZone } from "@/components/calls/format-time";
import { CallDetailDialog } from "@/components/calls/call-detail-dialog";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";
import { zonedTimeToInstant } from "@/server/domain/time/local-day";

type RequestRow = RouterOutputs["followUps"]["appointmentRequests"]["items"][number];

/** "2026-12-12T09:00" in the clinic's zone, for a datetime-local input. */
const toLocalInput = (value: Date | string | null, timeZone: string) => (value ? formatInZone(value, timeZone, "minute").replace(" ", "T") : "");
const fromLocalInput = (value: string, timeZone: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedTimeToInstant({ year, month, day, hour, minute }, timeZone);
};

/** 预约意向: a proposed time, as said and as read into the clinic's calendar; only 确认预约 makes an appointment. */
export function AppointmentRequestsView() {
  const t = useTranslations("followUps");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<"pending" | "confirmed" | "rejected">("pending");
  const [page, setPage] = useState(1);
  const [callId, setCallId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<RequestRow | null>(null);
  const [startsAt, setStartsAt] = useState("");
  const [rejecting, setRejecting] = useState<RequestRow | null>(null);
  const [note, setNote] = useState("");
  const list = useQuery({ ...trpc.followUps.appointmentRequests.queryOptions({ status, page }), placeholderData: keepPreviousData });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.followUps.appointmentRequests.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.followUps.tasks.queryKey() });
  };
  const confirm = useMutation(
    trpc.followUps.confirmAppointmentRequest.mutationOptions({
      onSuccess: () => {
        toast.success(t("requestConfirmed"));
        setConfirming(null);
        refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const reject = useMutation(
    trpc.followUps.rejectAppointmentRequest.mutationOptions({
      onSuccess: () => {
        toast.success(t("requestRejected"));
        setRejecting(null);
        refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  const columns: ColumnDef<RequestRow>[] = [
    { id: "patient", header: t("patient"), meta: { className: "font-medium" }, cell: ({ row }) => row.original.patient.name },
    { id: "said", header: t("said"), cell: ({ row }) => `「${row.original.said}」` },
    {
      id: "slot",
      header: t("slot"),
      meta: { className: "whitespace-nowrap tabular-nums" },
      cell: ({ row: { original: r } }) =>
        r.slotStart && r.slotEnd ? `${formatInZone(r.slotStart, r.clinic.timezone, "minute")}–${formatInZone(r.slotEnd, r.clinic.timezone, "minute").slice(11)}` : t("slotUnknown"),
    },
    { id: "item", header: t("item"), cell: ({ row }) => row.original.item ?? "—" },
    { id: "clinic", header: t("clinic"), cell: ({ row }) => row.original.clinic.shortName },
    ...(status === "pending" ? [] : [{ id: "note", header: t("note"), cell: ({ row }: { row: { original: RequestRow } }) => row.original.note ?? "—" }]),
    {
      id: "actions",
      header: t("actions"),
      meta: { className: "whitespace-nowrap text-right", headClassName: "text-right" },
      cell: ({ row: { original: r } }) => (
        <>
          {r.status === "pending" ? (
            <>
              <Button
                variant="link"
                size="sm"
                className="px-1"
                data-testid="confirm-request"
                onClick={() => {
                  setConfirming(r);
                  setStartsAt(toLocalInput(r.slotStart, r.clinic.timezone));
                }}
              >
                {t("confirmRequest")}
              </Button>
              <Button
                variant="link"
                size="sm"
                className="px-1"
                onClick={() => {
                  setRejecting(r);
                  setNote("");
                }}
              >
                {t("rejectRequest")}
              </Button>
            </>
          ) : null}
          {r.callId ? (
            <Button variant="link" size="sm" className="px-1" onClick={() => setCallId(r.callId)}>
              {t("openCall")}
            </Button>
          ) : null}
        </>
      ),
    },
  ];

  const chosen = confirming ? fromLocalInput(startsAt, confirming.clinic.timezone) : null;
  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <p className="text-sm text-muted-foreground">{t("requestsHint")}</p>
      <FilterSelect
        label={t("status")}
        allLabel={t("request_pending")}
        value={status === "pending" ? undefined : status}
        options={(["confirmed", "rejected"] as const).map((s) => ({ value: s, label: t(`request_${s}`) }))}
        onChange={(v) => {
          setStatus(v ?? "pending");
          setPage(1);
        }}
        className="w-32"
      />
      <DataTable columns={columns} query={list} loadingRows={4} empty={t("emptyRequests")} rowTestId="appointment-request-row" pagination={{ page, pageSize: 20, onPageChange: setPage }} />
      <ConfirmDialog
        open={!!confirming}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t("confirmRequestTitle")}
        body={confirming ? t("confirmRequestBody", { name: confirming.patient.name, said: confirming.said }) : ""}
        confirmLabel={t("confirmRequest")}
        confirmTestId="confirm-request-confirm"
        busy={confirm.isPending}
        keepOpen
        onConfirm={() => confirming && chosen && confirm.mutate({ id: confirming.id, startsAt: chosen })}
      >
        <div className="space-y-1">
          <Label htmlFor="request-starts-at">{t("startsAt")}</Label>
          <Input id="request-starts-at" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
          {!chosen ? <p className="text-xs text-destructive">{t("pickTime")}</p> : null}
        </div>
      </ConfirmDialog>
      <ConfirmDialog
        open={!!rejecting}
        onOpenChange={(open) => !open && setRejecting(null)}
        title={t("rejectRequestTitle")}
        body={rejecting ? `${rejecting.patient.name} · 「${rejecting.said}」` : ""}
        confirmLabel={t("rejectRequest")}
        busy={reject.isPending}
        keepOpen
        onConfirm={() => rejecting && note.trim() && reject.mutate({ id: rejecting.id, note: note.trim() })}
      >
        <Textarea placeholder={t("rejectNotePlaceholder")} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} aria-label={t("note")} />
      </ConfirmDialog>
      <CallDetailDialog callId={callId} onOpenChange={(open) => !open && setCallId(null)} />
    </div>
  );
}

"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { MoreHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { useTRPC } from "@/components/trpc/client";
import { CreateJourneyDialog } from "./create-journey-dialog";
import { JourneyStatusBadge } from "./journey-status-badge";
import { scheduleText } from "./schedule-text";
import { useJourneyActions, type JourneyAction } from "./use-journey-actions";

type JourneyRow = RouterOutputs["journeys"]["list"][number];

const ACTIONS: Record<string, JourneyAction[]> = {
  draft: ["publish", "delete"],
  published: ["pause", "end"],
  paused: ["resume", "end"],
  ended: [],
};

/** 自动旅程 list with the MA 数据看板 on top. */
export function JourneyList() {
  const t = useTranslations("journeys");
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useQuery(trpc.journeys.list.queryOptions());
  const dashboard = useQuery(trpc.journeys.dashboard.queryOptions());
  const actions = useJourneyActions();
  const when = (d: Date | null | undefined) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  const { run } = actions;
  const columns: ColumnDef<JourneyRow>[] = [
      {
        id: "name",
        accessorFn: (j) => j.name,
        header: t("name"),
        enableSorting: true,
        meta: { className: "font-medium" },
        cell: ({ row: { original: j } }) => (
          <Link href={`/journeys/${j.id}`} className="hover:text-primary hover:underline">
            {j.name}
          </Link>
        ),
      },
      { id: "clinic", header: t("clinic"), cell: ({ row }) => row.original.clinic?.shortName ?? "—" },
      { id: "segment", header: t("segment"), cell: ({ row }) => row.original.segment ?? <span className="text-muted-foreground">{t("segmentNone")}</span> },
      { id: "schedule", header: t("schedule"), cell: ({ row }) => scheduleText(t, row.original.schedule) },
      { id: "status", header: t("statusCol"), cell: ({ row }) => <JourneyStatusBadge status={row.original.status} /> },
      { id: "nextRun", header: t("nextRun"), meta: { className: "text-sm" }, cell: ({ row }) => when(row.original.nextRunAt) },
      { id: "rosterTotal", accessorFn: (j) => j.rosterTotal, header: () => (
          <span className="cursor-help" title={t("rosterTotal_hint")} data-testid="roster-total-header">
            {t("rosterTotal")}
          </span>
        ), enableSorting: true, meta: { className: "text-right tabular-nums" }, cell: ({ row }) => row.original.rosterTotal },
      {
        id: "updatedAt",
        accessorFn: (j) => new Date(j.updatedAt).getTime(),
        header: t("updatedAt"),
        enableSorting: true,
        meta: { className: "text-sm text-muted-foreground", headClassName: "" },
        cell: ({ row }) => when(row.original.updatedAt),
      },
      {
        id: "actions",
        header: t("actions"),
        meta: { className: "text-right", headClassName: "w-28 text-right" },
        cell: ({ row: { original: j } }) => (
          <>
            <Button asChild variant="link" size="sm">
              <Link href={`/journeys/${j.id}`}>{j.status === "draft" || j.status === "paused" ? t("open_edit") : t("open_view")}</Link>
            </Button>
            {ACTIONS[j.status]!.length ? (
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="icon" aria-label={t("more")}>
                    <MoreHorizontal className="size-4" />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  {ACTIONS[j.status]!.map((a) => (
                    <DropdownMenuItem key={a} className={a === "delete" || a === "end" ? "text-destructive" : undefined} onSelect={() => run(j.id, j.name, a)}>
                      {t(`action_${a}`)}
                    </DropdownMenuItem>
                  ))}
                </DropdownMenuContent>
              </DropdownMenu>
            ) : null}
          </>
        ),
      },
  ];

  const cards: { key: string; value: number | undefined; hint?: string }[] = [
    { key: "dash_published", value: dashboard.data?.journeys.published },
    { key: "dash_drafts", value: dashboard.data?.journeys.draft },
    { key: "dash_paused", value: dashboard.data?.journeys.paused },
  ];
  if (dashboard.data?.outbound) {
    cards.push(
      { key: "dash_dialed", value: dashboard.data.outbound.dialedCalls, hint: t("dash_dialed_hint") },
      { key: "dash_answered", value: dashboard.data.outbound.answeredCalls, hint: t("dash_answered_hint") },
    );
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="ma-dashboard">
        {cards.map((c) => (
          <Card key={c.key} className="gap-1 py-4" data-testid={c.key}>
            <CardContent className="space-y-1 px-4">
              <div className="text-xs text-muted-foreground" title={c.hint}>
                {t(c.key)}
              </div>
              {c.value === undefined ? <Skeleton className="h-7 w-12" /> : <div className="text-2xl font-semibold tabular-nums">{c.value}</div>}
            </CardContent>
          </Card>
        ))}
      </div>

      <div className="space-y-4 rounded-lg border bg-background p-4">
        <div className="flex items-center justify-between">
          <p className="text-sm text-muted-foreground">{t("listHint")}</p>
          <CreateJourneyDialog />
        </div>
        <DataTable columns={columns} query={list} empty={t("empty")} rowTestId={(j) => `journey-row-${j.name}`} />
      </div>
      {actions.dialogs}
    </div>
  );
}

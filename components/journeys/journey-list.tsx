"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { MoreHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";
import { CreateJourneyDialog } from "./create-journey-dialog";
import { JourneyStatusBadge } from "./journey-status-badge";
import { scheduleText } from "./schedule-text";
import { useJourneyActions, type JourneyAction } from "./use-journey-actions";

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
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("name")}</TableHead>
              <TableHead>{t("clinic")}</TableHead>
              <TableHead>{t("segment")}</TableHead>
              <TableHead>{t("schedule")}</TableHead>
              <TableHead>{t("statusCol")}</TableHead>
              <TableHead>{t("nextRun")}</TableHead>
              <TableHead className="text-right">{t("rosterTotal")}</TableHead>
              <TableHead>{t("updatedAt")}</TableHead>
              <TableHead className="w-28 text-right">{t("actions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.isLoading
              ? Array.from({ length: 3 }, (_, i) => (
                  <TableRow key={i}>
                    <TableCell colSpan={9}>
                      <Skeleton className="h-6 w-full" />
                    </TableCell>
                  </TableRow>
                ))
              : null}
            {list.data?.length === 0 ? (
              <TableRow>
                <TableCell colSpan={9} className="py-12 text-center text-muted-foreground">
                  {t("empty")}
                </TableCell>
              </TableRow>
            ) : null}
            {list.data?.map((j) => (
              <TableRow key={j.id} data-testid={`journey-row-${j.name}`}>
                <TableCell className="font-medium">
                  <Link href={`/journeys/${j.id}`} className="hover:text-primary hover:underline">
                    {j.name}
                  </Link>
                </TableCell>
                <TableCell>{j.clinic?.shortName ?? "—"}</TableCell>
                <TableCell>{j.segment ?? <span className="text-muted-foreground">{t("segmentNone")}</span>}</TableCell>
                <TableCell>{scheduleText(t, j.schedule)}</TableCell>
                <TableCell>
                  <JourneyStatusBadge status={j.status} />
                </TableCell>
                <TableCell className="text-sm">{when(j.nextRunAt)}</TableCell>
                <TableCell className="text-right tabular-nums">{j.rosterTotal}</TableCell>
                <TableCell className="text-sm text-muted-foreground">{when(j.updatedAt)}</TableCell>
                <TableCell className="text-right">
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
                          <DropdownMenuItem key={a} className={a === "delete" || a === "end" ? "text-destructive" : undefined} onSelect={() => actions.run(j.id, j.name, a)}>
                            {t(`action_${a}`)}
                          </DropdownMenuItem>
                        ))}
                      </DropdownMenuContent>
                    </DropdownMenu>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {actions.dialogs}
    </div>
  );
}

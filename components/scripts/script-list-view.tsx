"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FilterSelect } from "@/components/shell/filter-select";
import { SCRIPT_STATUSES } from "@/server/domain/scripts/script-status";
import { Search } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable, DataTablePager } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/lib/utils";
import { ScriptRowActions } from "./script-row-actions";
import { ScriptStatusBadge } from "./script-status-badge";
import { TemplateGrid } from "./template-grid";
import { newScriptHref, TemplatePickerDialog } from "./template-picker-dialog";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

const PAGE_SIZE = 20;
type Kind = "ai" | "fixed";
type Status = "enabled" | "paused" | "stopped";
type ScriptRow = RouterOutputs["scripts"]["list"]["items"][number];

/** 话术管理: the AI话术 / 固定模版话术 tabs, each a list; with no script yet, the preset templates to start from. */
export function ScriptListView({ kind, canManage, canManageTasks }: { kind: Kind; canManage: boolean; canManageTasks: boolean }) {
  const t = useTranslations("scripts");
  const tcommon = useTranslations("common");
  const word = useVocabulary();
  const trpc = useTRPC();
  const router = useRouter();
  const [q, setQ] = useState("");
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<Status | "all">("all");
  const [page, setPage] = useState(1);
  const input = { kind, page, pageSize: PAGE_SIZE, ...(query ? { q: query } : {}), ...(status !== "all" ? { status } : {}) };
  const list = useQuery(trpc.scripts.list.queryOptions(input));
  const filtered = Boolean(query) || status !== "all";
  const firstVisit = list.data?.total === 0 && !filtered;
  const presets = useQuery({ ...trpc.scripts.templates.queryOptions({ kind }), enabled: firstVisit });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const columns: ColumnDef<ScriptRow>[] = [
    {
      id: "name",
      header: t("colName"),
      meta: { className: "font-medium" },
      cell: ({ row: { original: s } }) => (
        <Link href={`/management/outbound/scripts/${s.id}`} className="hover:underline">
          {s.name}
        </Link>
      ),
    },
    {
      id: "template",
      header: t("colTemplate"),
      cell: ({ row: { original: s } }) => (
        <>
          {word(s.templateName)}
          {s.customTemplate && (
            <Badge variant="secondary" className="ml-1">
              {t("customBadge")}
            </Badge>
          )}
        </>
      ),
    },
    { id: "category", header: t("colCategory"), cell: ({ row }) => t(`category_${row.original.category}`) },
    {
      id: "clinics",
      header: t("colClinics"),
      meta: { className: "max-w-48 truncate", headClassName: "" },
      cell: ({ row }) => <span title={row.original.clinics.map((c) => c.shortName).join(tcommon("listSeparator"))}>{row.original.clinics.map((c) => c.shortName).join(tcommon("listSeparator"))}</span>,
    },
    { id: "status", header: t("colStatus"), cell: ({ row }) => <ScriptStatusBadge status={row.original.status} pauseReason={row.original.pauseReason} /> },
    { id: "journeyOnly", header: t("colJourneyOnly"), cell: ({ row }) => (row.original.journeyOnly ? t("yes") : t("no")) },
    { id: "updatedAt", header: t("colUpdatedAt"), meta: { className: "whitespace-nowrap text-muted-foreground", headClassName: "" }, cell: ({ row }) => formatInZone(row.original.updatedAt, DEFAULT_TIME_ZONE, "minute") },
    {
      id: "actions",
      header: t("colActions"),
      meta: { className: "text-right whitespace-nowrap", headClassName: "text-right" },
      cell: ({ row: { original: s } }) => (
        <>
          <Button variant="link" size="sm" asChild>
            <Link href={`/management/outbound/scripts/${s.id}`}>{canManage && s.status !== "stopped" ? t("edit") : t("view")}</Link>
          </Button>
          {canManageTasks && <ScriptRowActions script={s} />}
        </>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex gap-1 rounded-lg bg-muted p-1" role="tablist">
          {(["ai", "fixed"] as const).map((k) => (
            <Link
              key={k}
              href={k === "ai" ? "/management/outbound/scripts" : "/management/outbound/scripts?tab=fixed"}
              role="tab"
              aria-selected={k === kind}
              className={cn("rounded-md px-3 py-1 text-sm", k === kind ? "bg-background font-medium shadow-sm" : "text-muted-foreground")}
            >
              {t(k === "ai" ? "tabAi" : "tabFixed")}
            </Link>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <form
            className="relative"
            onSubmit={(e) => {
              e.preventDefault();
              setQuery(q.trim());
              setPage(1);
            }}
          >
            <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
            <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("search")} className="w-56 pl-8" maxLength={30} aria-label={t("search")} />
          </form>
          <FilterSelect
            label={t("colStatus")}
            allLabel={t("statusAll")}
            value={status === "all" ? undefined : status}
            options={SCRIPT_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))}
            onChange={(v) => {
              setStatus(v ?? "all");
              setPage(1);
            }}
            className="w-32"
          />
          {canManage && <TemplatePickerDialog kind={kind} />}
        </div>
      </div>

      {firstVisit ? (
        <div className="space-y-3 rounded-lg border bg-muted/30 p-4" data-testid="preset-templates">
          <div>
            <h2 className="font-medium">{t("presetsTitle")}</h2>
            <p className="text-sm text-muted-foreground">{t("presetsHint")}</p>
          </div>
          {presets.isPending ? (
            <Skeleton className="h-40 w-full" />
          ) : (
            <TemplateGrid templates={presets.data ?? []} onPick={canManage ? (tpl) => router.push(newScriptHref(tpl)) : undefined} />
          )}
        </div>
      ) : (
        <div className="rounded-lg border bg-background">
          <DataTable columns={columns} query={list} empty={t("emptyFiltered")} rowTestId="script-row" />
        </div>
      )}

      {!firstVisit && pages > 1 && (
        <DataTablePager page={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onPageChange={setPage} />
      )}
    </div>
  );
}

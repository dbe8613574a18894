"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Inbox, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { QualificationStatusBadge } from "@/components/onboarding/qualification-status-badge";
import { useTRPC } from "@/components/trpc/client";
import { parseReviewSearch } from "./review-search";

type ApplicationRow = RouterOutputs["qualificationReview"]["list"]["items"][number];

const TABS = [
  { value: "all", key: "tabAll" },
  { value: "pending", key: "tabPending" },
  { value: "approved", key: "tabApproved" },
  { value: "rejected", key: "tabRejected" },
] as const;

/** 资质审核 queue: pending first (oldest first), then reviewed; tabs by status, search by company. */
export function ApplicationQueue() {
  const t = useTranslations("qualificationReview");
  const tc = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const input = useMemo(() => parseReviewSearch(new URLSearchParams(params.toString())), [params]);
  const [q, setQ] = useState(input.q ?? "");
  const list = useQuery({ ...trpc.qualificationReview.list.queryOptions(input), placeholderData: keepPreviousData });

  const setParams = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    if (!("page" in patch)) next.delete("page");
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const time = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  const counts = list.data?.counts;
  const empty = (
    <div className="flex flex-col items-center gap-2 text-sm">
      <Inbox className="size-8" aria-hidden />
      {input.status === "pending" && !input.q ? t("emptyPending") : t("empty")}
    </div>
  );
  const columns: ColumnDef<ApplicationRow>[] = [
    {
      id: "company",
      header: t("company"),
      cell: ({ row: { original: a } }) => (
        <>
          <div className="font-medium">{a.company.name}</div>
          {a.companyName !== a.company.name && <div className="text-xs text-muted-foreground">{a.companyName}</div>}
        </>
      ),
    },
    {
      id: "applicant",
      header: t("applicant"),
      cell: ({ row: { original: a } }) => (
        <>
          <div>{a.applicantName}</div>
          <div className="font-mono text-xs text-muted-foreground">{a.applicantMobile}</div>
        </>
      ),
    },
    { id: "documents", header: t("documents"), meta: { className: "tabular-nums", headClassName: "" }, cell: ({ row }) => t("documentCount", { count: row.original.documentCount }) },
    { id: "submittedAt", header: t("submittedAt"), meta: { className: "whitespace-nowrap", headClassName: "" }, cell: ({ row }) => time(row.original.submittedAt) },
    { id: "status", header: t("status"), cell: ({ row }) => <QualificationStatusBadge status={row.original.status} /> },
    {
      id: "reviewer",
      header: t("reviewer"),
      meta: { className: "whitespace-nowrap text-sm", headClassName: "" },
      cell: ({ row: { original: a } }) =>
        a.reviewer ? (
          <>
            <div>{a.reviewer.name}</div>
            <div className="text-xs text-muted-foreground">{time(a.reviewedAt)}</div>
          </>
        ) : (
          "—"
        ),
    },
    {
      id: "actions",
      header: t("actions"),
      meta: { className: "text-right", headClassName: "w-20 text-right" },
      cell: ({ row: { original: a } }) => (
        <Button asChild size="sm" variant={a.status === "pending" ? "default" : "link"}>
          <Link href={`/platform/qualifications/${a.id}`}>{t(a.status === "pending" ? "review" : "view")}</Link>
        </Button>
      ),
    },
  ];

  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Tabs value={input.status ?? "all"} onValueChange={(v) => setParams({ status: v === "all" ? undefined : v })}>
          <TabsList>
            {TABS.map((tab) => (
              <TabsTrigger key={tab.value} value={tab.value} data-testid={`tab-${tab.value}`} aria-controls={undefined /* filters the one list below: no panel per tab */}>
                {t(tab.key)}
                {tab.value !== "all" && counts ? <span className="ml-1 tabular-nums text-muted-foreground">({counts[tab.value]})</span> : null}
              </TabsTrigger>
            ))}
          </TabsList>
        </Tabs>
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setParams({ q: q.trim() || undefined });
          }}
        >
          <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("searchPlaceholder")} aria-label={t("searchPlaceholder")} className="w-56" />
          <Button type="submit" variant="secondary" size="icon" aria-label={tc("search")}>
            <Search className="size-4" />
          </Button>
        </form>
      </div>

      <DataTable columns={columns} query={list} loadingRows={4} empty={empty} rowTestId="application-row" pagination={{ page: input.page ?? 1, pageSize: input.pageSize ?? 20, onPageChange: (page) => setParams({ page: String(page) }), hideWhenSinglePage: true }} />
    </div>
  );
}

"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Inbox, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { QualificationStatusBadge } from "@/components/onboarding/qualification-status-badge";
import { useTRPC } from "@/components/trpc/client";
import { parseReviewSearch } from "./review-search";
import { TableLoadingRows } from "@/components/shell/table-status-rows";

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
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / (input.pageSize ?? 20)));

  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Tabs value={input.status ?? "all"} onValueChange={(v) => setParams({ status: v === "all" ? undefined : v })}>
          <TabsList>
            {TABS.map((tab) => (
              <TabsTrigger key={tab.value} value={tab.value} data-testid={`tab-${tab.value}`}>
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

      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("company")}</TableHead>
            <TableHead>{t("applicant")}</TableHead>
            <TableHead>{t("documents")}</TableHead>
            <TableHead>{t("submittedAt")}</TableHead>
            <TableHead>{t("status")}</TableHead>
            <TableHead>{t("reviewer")}</TableHead>
            <TableHead className="w-20 text-right">{t("actions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.isPending ? (
            <TableLoadingRows colSpan={7} rows={4} />
          ) : list.data?.items.length ? (
            list.data.items.map((a) => (
              <TableRow key={a.id} data-testid="application-row">
                <TableCell>
                  <div className="font-medium">{a.company.name}</div>
                  {a.companyName !== a.company.name && <div className="text-xs text-muted-foreground">{a.companyName}</div>}
                </TableCell>
                <TableCell>
                  <div>{a.applicantName}</div>
                  <div className="font-mono text-xs text-muted-foreground">{a.applicantMobile}</div>
                </TableCell>
                <TableCell className="tabular-nums">{t("documentCount", { count: a.documentCount })}</TableCell>
                <TableCell className="whitespace-nowrap">{time(a.submittedAt)}</TableCell>
                <TableCell>
                  <QualificationStatusBadge status={a.status} />
                </TableCell>
                <TableCell className="whitespace-nowrap text-sm">
                  {a.reviewer ? (
                    <>
                      <div>{a.reviewer.name}</div>
                      <div className="text-xs text-muted-foreground">{time(a.reviewedAt)}</div>
                    </>
                  ) : (
                    "—"
                  )}
                </TableCell>
                <TableCell className="text-right">
                  <Button asChild size="sm" variant={a.status === "pending" ? "default" : "link"}>
                    <Link href={`/platform/qualifications/${a.id}`}>{t(a.status === "pending" ? "review" : "view")}</Link>
                  </Button>
                </TableCell>
              </TableRow>
            ))
          ) : (
            <TableRow>
              <TableCell colSpan={7}>
                <div className="flex flex-col items-center gap-2 py-12 text-sm text-muted-foreground">
                  <Inbox className="size-8" aria-hidden />
                  {input.status === "pending" && !input.q ? t("emptyPending") : t("empty")}
                </div>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>

      {pages > 1 && (
        <div className="flex items-center justify-end gap-3 text-sm">
          <span className="text-muted-foreground">{tc("page", { page: input.page ?? 1, pages })}</span>
          <Button variant="outline" size="sm" disabled={(input.page ?? 1) <= 1} onClick={() => setParams({ page: String((input.page ?? 1) - 1) })}>
            {tc("prev")}
          </Button>
          <Button variant="outline" size="sm" disabled={(input.page ?? 1) >= pages} onClick={() => setParams({ page: String((input.page ?? 1) + 1) })}>
            {tc("next")}
          </Button>
        </div>
      )}
    </div>
  );
}

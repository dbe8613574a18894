"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { useRouter, useSearchParams, usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { FilterSelect } from "@/components/shell/filter-select";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronDown, PhoneCall, Search } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useTRPC } from "@/components/trpc/client";
import { parsePatientSearch } from "./patient-search";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";

type PatientRow = RouterOutputs["patients"]["list"]["items"][number];

export function PatientTable({ canStartCalls }: { canStartCalls: boolean }) {
  const t = useTranslations("patients");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const input = useMemo(() => parsePatientSearch(new URLSearchParams(params.toString())), [params]);
  const [q, setQ] = useState(input.q ?? "");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selection = { selected, onChange: setSelected, pageLabel: t("selectPage"), rowLabel: (p: PatientRow) => p.name };

  const list = useQuery({ ...trpc.patients.list.queryOptions(input), placeholderData: keepPreviousData });
  const clinics = useQuery(trpc.clinics.list.queryOptions());
  const consultants = useQuery(trpc.patients.consultants.queryOptions());

  const setParams = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    if (!("page" in patch)) next.delete("page");
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const columns = useMemo<ColumnDef<PatientRow>[]>(
    () => [
      {
        id: "name",
        header: t("name"),
        meta: { className: "font-medium" },
        cell: ({ row: { original: p } }) => (
          <Link href={`/patients/${p.id}`} className="text-primary hover:underline">
            {p.name}
          </Link>
        ),
      },
      { id: "gender", header: t("gender"), cell: ({ row }) => t(`gender_${row.original.gender}`) },
      {
        id: "mobile",
        header: t("mobile"),
        meta: { className: "font-mono text-xs" },
        cell: ({ row: { original: p } }) => (
          <>
            {p.mobile || <span className="text-muted-foreground">{t("noMobile")}</span>}
            {p.mobile && !p.hasOwnMobile ? (
              <Badge variant="outline" className="ml-1">
                {t("notOwnMobile")}
              </Badge>
            ) : null}
          </>
        ),
      },
      { id: "medicalRecordNo", header: t("medicalRecordNo"), meta: { className: "font-mono text-xs" }, cell: ({ row }) => row.original.medicalRecordNo ?? "—" },
      { id: "clinic", header: t("clinic"), cell: ({ row }) => row.original.clinic.shortName },
      { id: "consultant", header: t("consultant"), cell: ({ row }) => row.original.consultant?.name ?? "—" },
      { id: "onlineConsultant", header: t("onlineConsultant"), cell: ({ row }) => row.original.onlineConsultant?.name ?? "—" },
      {
        id: "registered",
        header: t("registered"),
        cell: ({ row: { original: p } }) => <Badge variant={p.registered ? "secondary" : "outline"}>{p.registered ? t("yes") : t("no")}</Badge>,
      },
    ],
    [t],
  );

  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <div className="flex flex-wrap items-center gap-3">
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setParams({ q: q.trim() || undefined });
          }}
        >
          <Input
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t("searchPlaceholder")}
            className="w-64"
            aria-label={t("searchPlaceholder")}
          />
          <Button type="submit" variant="secondary" size="icon" aria-label={tc("search")}>
            <Search className="size-4" />
          </Button>
        </form>
        <FilterSelect label={t("clinic")} allLabel={t("allClinics")} value={input.clinicId} options={clinics.data?.map((c) => ({ value: c.id, label: c.name }))} onChange={(v) => setParams({ clinicId: v })} className="w-44" />
        <FilterSelect label={t("consultant")} allLabel={t("allConsultants")} value={input.consultantId} options={consultants.data?.map((c) => ({ value: c.id, label: c.name }))} onChange={(v) => setParams({ consultantId: v })} />
        {(input.q || input.clinicId || input.consultantId) && (
          <Button
            variant="ghost"
            onClick={() => {
              setQ("");
              router.replace(pathname);
            }}
          >
            {tc("reset")}
          </Button>
        )}
        <div className="ml-auto flex items-center gap-3">
          {selected.size > 0 && <span className="text-sm text-muted-foreground">{t("selected", { count: selected.size })}</span>}
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button disabled={selected.size === 0} data-testid="batch-menu">
                {t("batch")} <ChevronDown className="size-4" />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              {canStartCalls ? (
                <DropdownMenuItem
                  onSelect={() => {
                    sessionStorage.setItem("batchCall.patientIds", JSON.stringify([...selected]));
                    router.push(`/patients/batch-call?count=${selected.size}`);
                  }}
                >
                  <PhoneCall className="size-4" /> {t("batchOutbound")}
                </DropdownMenuItem>
              ) : (
                <DropdownMenuItem disabled>{tc("empty")}</DropdownMenuItem>
              )}
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      </div>

      <DataTable columns={columns} query={list} loadingRows={8} empty={{ title: t("emptyTitle"), hint: t("emptyHint") }} rowTestId="patient-row" selection={selection} pagination={{ page: input.page ?? 1, pageSize: input.pageSize ?? 20, onPageChange: (page) => setParams({ page: String(page) }), totalTestId: "patient-total" }} />
    </div>
  );
}

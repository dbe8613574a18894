"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { useRouter, useSearchParams, usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronDown, PhoneCall, Search } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useTRPC } from "@/components/trpc/client";
import { parsePatientSearch } from "./patient-search";
import { TableLoadingRows, TableEmptyRow } from "@/components/shell/table-status-rows";

const ALL = "__all__";

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

  const list = useQuery({ ...trpc.patients.list.queryOptions(input), placeholderData: keepPreviousData });
  const clinics = useQuery(trpc.clinics.list.queryOptions());
  const consultants = useQuery(trpc.patients.consultants.queryOptions());

  const setParams = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    if (!("page" in patch)) next.delete("page");
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / (input.pageSize ?? 20)));
  const pageSelected = items.length > 0 && items.every((p) => selected.has(p.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

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
        <Select value={input.clinicId ?? ALL} onValueChange={(v) => setParams({ clinicId: v === ALL ? undefined : v })}>
          <SelectTrigger className="w-44" aria-label={t("clinic")}>
            <SelectValue placeholder={t("allClinics")} />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allClinics")}</SelectItem>
            {clinics.data?.map((c) => (
              <SelectItem key={c.id} value={c.id}>
                {c.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select value={input.consultantId ?? ALL} onValueChange={(v) => setParams({ consultantId: v === ALL ? undefined : v })}>
          <SelectTrigger className="w-40" aria-label={t("consultant")}>
            <SelectValue placeholder={t("allConsultants")} />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allConsultants")}</SelectItem>
            {consultants.data?.map((c) => (
              <SelectItem key={c.id} value={c.id}>
                {c.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
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

      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-10">
              <Checkbox
                checked={pageSelected}
                onCheckedChange={(on) => items.forEach((p) => toggle(p.id, on === true))}
                aria-label={t("selectPage")}
              />
            </TableHead>
            <TableHead>{t("name")}</TableHead>
            <TableHead>{t("gender")}</TableHead>
            <TableHead>{t("mobile")}</TableHead>
            <TableHead>{t("medicalRecordNo")}</TableHead>
            <TableHead>{t("clinic")}</TableHead>
            <TableHead>{t("consultant")}</TableHead>
            <TableHead>{t("onlineConsultant")}</TableHead>
            <TableHead>{t("registered")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.isPending ? (
            <TableLoadingRows colSpan={9} rows={8} />
          ) : items.length === 0 ? (
            <TableEmptyRow colSpan={9}>
              <div className="font-medium text-foreground">{t("emptyTitle")}</div>
              <div className="text-sm text-muted-foreground">{t("emptyHint")}</div>
            </TableEmptyRow>
          ) : (
            items.map((p) => (
              <TableRow key={p.id} data-state={selected.has(p.id) ? "selected" : undefined} data-testid="patient-row">
                <TableCell>
                  <Checkbox checked={selected.has(p.id)} onCheckedChange={(on) => toggle(p.id, on === true)} aria-label={p.name} />
                </TableCell>
                <TableCell className="font-medium">
                  <Link href={`/patients/${p.id}`} className="text-primary hover:underline">
                    {p.name}
                  </Link>
                </TableCell>
                <TableCell>{t(`gender_${p.gender}`)}</TableCell>
                <TableCell className="font-mono text-xs">
                  {p.mobile || <span className="text-muted-foreground">{t("noMobile")}</span>}
                  {p.mobile && !p.hasOwnMobile ? (
                    <Badge variant="outline" className="ml-1">
                      {t("notOwnMobile")}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell className="font-mono text-xs">{p.medicalRecordNo ?? "—"}</TableCell>
                <TableCell>{p.clinic.shortName}</TableCell>
                <TableCell>{p.consultant?.name ?? "—"}</TableCell>
                <TableCell>{p.onlineConsultant?.name ?? "—"}</TableCell>
                <TableCell>
                  <Badge variant={p.registered ? "secondary" : "outline"}>{p.registered ? t("yes") : t("no")}</Badge>
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>

      <div className="flex items-center justify-between text-sm text-muted-foreground">
        <span data-testid="patient-total">{tc("total", { count: total })}</span>
        <div className="flex items-center gap-2">
          <span>{tc("page", { page: input.page ?? 1, pages })}</span>
          <Button variant="outline" size="sm" disabled={(input.page ?? 1) <= 1} onClick={() => setParams({ page: String((input.page ?? 1) - 1) })}>
            {tc("prev")}
          </Button>
          <Button variant="outline" size="sm" disabled={(input.page ?? 1) >= pages} onClick={() => setParams({ page: String((input.page ?? 1) + 1) })}>
            {tc("next")}
          </Button>
        </div>
      </div>
    </div>
  );
}

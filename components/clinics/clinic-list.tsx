"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { useTRPC } from "@/components/trpc/client";
import { EditClinicDialog } from "./edit-clinic-dialog";

type ClinicRow = RouterOutputs["clinics"]["list"][number];

export function ClinicList() {
  const t = useTranslations("clinics");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const clinics = useQuery(trpc.clinics.list.queryOptions());
  const columns: ColumnDef<ClinicRow>[] = [
    { id: "name", accessorFn: (c) => c.name, header: t("name"), enableSorting: true, meta: { className: "font-medium" } },
    { id: "shortName", accessorFn: (c) => c.shortName, header: t("shortName"), enableSorting: true },
    { id: "address", header: t("address"), meta: { className: "max-w-sm truncate", headClassName: "" }, cell: ({ row }) => <span title={row.original.address}>{row.original.address}</span> },
    { id: "phone", header: t("phone"), cell: ({ row }) => row.original.phone ?? "—" },
    {
      id: "outbound",
      header: t("outbound"),
      cell: ({ row: { original: c } }) => <Badge variant={c.outboundOpenedAt ? "default" : "outline"}>{c.outboundOpenedAt ? t("opened") : t("notOpened")}</Badge>,
    },
    {
      id: "frontDesk",
      header: t("transfer"),
      cell: ({ row: { original: c } }) =>
        c.frontDeskSkillGroupId !== null ? t("frontDeskSet", { id: c.frontDeskSkillGroupId }) : <span className="text-muted-foreground">{t("frontDeskNone")}</span>,
    },
    { id: "actions", header: () => null, meta: { headClassName: "w-20" }, cell: ({ row }) => <EditClinicDialog clinic={row.original} /> },
  ];
  return (
    <div className="rounded-lg border bg-background">
      <DataTable columns={columns} query={clinics} empty={tc("empty")} rowTestId="clinic-row" />
    </div>
  );
}

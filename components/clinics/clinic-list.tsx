"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";
import { EditClinicDialog } from "./edit-clinic-dialog";
import { TableLoadingRows } from "@/components/shell/table-status-rows";

export function ClinicList() {
  const t = useTranslations("clinics");
  const trpc = useTRPC();
  const clinics = useQuery(trpc.clinics.list.queryOptions());
  return (
    <div className="rounded-lg border bg-background">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("name")}</TableHead>
            <TableHead>{t("shortName")}</TableHead>
            <TableHead>{t("address")}</TableHead>
            <TableHead>{t("phone")}</TableHead>
            <TableHead>{t("outbound")}</TableHead>
            <TableHead className="w-20" />
          </TableRow>
        </TableHeader>
        <TableBody>
          {clinics.isPending
            ? <TableLoadingRows colSpan={6} rows={3} />
            : clinics.data?.map((c) => (
                <TableRow key={c.id} data-testid="clinic-row">
                  <TableCell className="font-medium">{c.name}</TableCell>
                  <TableCell>{c.shortName}</TableCell>
                  <TableCell className="max-w-sm truncate" title={c.address}>
                    {c.address}
                  </TableCell>
                  <TableCell>{c.phone ?? "—"}</TableCell>
                  <TableCell>
                    <Badge variant={c.outboundOpenedAt ? "default" : "outline"}>{c.outboundOpenedAt ? t("opened") : t("notOpened")}</Badge>
                  </TableCell>
                  <TableCell>
                    <EditClinicDialog clinic={c} />
                  </TableCell>
                </TableRow>
              ))}
        </TableBody>
      </Table>
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";
import { EditClinicDialog } from "./edit-clinic-dialog";

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
            ? Array.from({ length: 3 }, (_, i) => (
                <TableRow key={i}>
                  <TableCell colSpan={6}>
                    <Skeleton className="h-5 w-full" />
                  </TableCell>
                </TableRow>
              ))
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

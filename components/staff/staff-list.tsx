"use client";

import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { useVocabulary } from "@/components/i18n/use-vocabulary";
import { useTRPC } from "@/components/trpc/client";

/** 员工账号: the company's users, each with 强制下线 (confirmed first). */
export function StaffList() {
  const t = useTranslations("staff");
  const tc = useTranslations("common");
  const word = useVocabulary();
  const trpc = useTRPC();
  const staff = useQuery(trpc.staff.list.queryOptions());
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const signOut = useMutation(
    trpc.staff.forceSignOut.mutationOptions({
      onSuccess: () => {
        toast.success(t("done", { name: target?.name ?? "" }));
        setTarget(null);
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  if (staff.isPending) return <Skeleton className="h-64 w-full" />;
  if (staff.isError) return <p className="text-sm text-destructive">{t("loadFailed", { message: staff.error.message })}</p>;

  return (
    <Card className="py-2">
      <CardContent className="px-2">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("name")}</TableHead>
              <TableHead>{t("account")}</TableHead>
              <TableHead>{t("role")}</TableHead>
              <TableHead>{t("clinics")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead className="text-right">{t("actions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {staff.data.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} className="text-center text-muted-foreground">
                  {t("empty")}
                </TableCell>
              </TableRow>
            )}
            {staff.data.map((u) => (
              <TableRow key={u.id} data-testid={`staff-${u.account}`}>
                <TableCell data-user-content="">{u.name}</TableCell>
                <TableCell data-user-content="">{u.account}</TableCell>
                <TableCell>{u.role ? (u.role.isSystem ? word(u.role.name) : <span data-user-content="">{u.role.name}</span>) : t("noRole")}</TableCell>
                <TableCell>{u.allClinics ? t("allClinics") : <span data-user-content="">{u.clinics.join(tc("listSeparator"))}</span>}</TableCell>
                <TableCell>
                  <Badge variant={u.active ? "secondary" : "outline"}>{u.active ? t("active") : t("inactive")}</Badge>
                </TableCell>
                <TableCell className="text-right">
                  <Button variant="outline" size="sm" onClick={() => setTarget({ id: u.id, name: u.name })}>
                    {t("forceSignOut")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      <ConfirmDialog
        open={target !== null}
        onOpenChange={(open) => !open && setTarget(null)}
        title={t("confirmTitle", { name: target?.name ?? "" })}
        body={t("confirmBody")}
        confirmLabel={t("forceSignOut")}
        destructive
        keepOpen
        busy={signOut.isPending}
        confirmTestId="confirm-force-sign-out"
        onConfirm={() => target && signOut.mutate({ userId: target.id })}
      />
    </Card>
  );
}

"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";
import { SegmentEditorDialog, type EditableSegment } from "./segment-editor-dialog";
import { SegmentSummary } from "./segment-summary";

/** 人群 (CDP 筛选): the company's saved segments, each editable with its live count; used ones cannot be deleted. */
export function SegmentList() {
  const t = useTranslations("segments");
  const tc = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.segments.list.queryOptions());
  const options = useQuery(trpc.segments.options.queryOptions());
  const [editing, setEditing] = useState<EditableSegment | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const remove = useMutation(
    trpc.segments.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() });
        toast.success(t("deleted"));
        setDeleting(null);
      },
      onError: (e) => {
        toast.error(e.message);
        setDeleting(null);
      },
    }),
  );

  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <div className="flex items-center justify-between">
        <p className="text-sm text-muted-foreground">{t("listHint")}</p>
        <Button onClick={() => setEditing(null)} data-testid="create-segment">
          <Plus className="size-4" /> {t("create")}
        </Button>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-48">{t("name")}</TableHead>
            <TableHead>{t("conditions")}</TableHead>
            <TableHead className="w-48">{t("usedBy")}</TableHead>
            <TableHead className="w-40">{t("updatedAt")}</TableHead>
            <TableHead className="w-32 text-right">{t("actions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.isLoading
            ? Array.from({ length: 3 }, (_, i) => (
                <TableRow key={i}>
                  <TableCell colSpan={5}>
                    <Skeleton className="h-6 w-full" />
                  </TableCell>
                </TableRow>
              ))
            : null}
          {list.data?.length === 0 ? (
            <TableRow>
              <TableCell colSpan={5} className="py-10 text-center text-muted-foreground">
                {t("empty")}
              </TableCell>
            </TableRow>
          ) : null}
          {list.data?.map((s) => (
            <TableRow key={s.id} data-testid={`segment-row-${s.name}`}>
              <TableCell className="font-medium">{s.name}</TableCell>
              <TableCell className="text-sm">
                <SegmentSummary definition={s.definition} options={options.data} />
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  {s.usedBy.length ? s.usedBy.map((n) => <Badge key={n} variant="outline">{n}</Badge>) : <span className="text-muted-foreground">—</span>}
                </div>
              </TableCell>
              <TableCell className="text-sm text-muted-foreground">{format.dateTime(s.updatedAt, { dateStyle: "short", timeStyle: "short" })}</TableCell>
              <TableCell className="text-right">
                <Button variant="link" size="sm" onClick={() => setEditing({ id: s.id, name: s.name, definition: s.definition })}>
                  {tc("edit")}
                </Button>
                <Button
                  variant="link"
                  size="sm"
                  className="text-destructive"
                  disabled={s.usedBy.length > 0}
                  title={s.usedBy.length ? t("inUse") : undefined}
                  onClick={() => setDeleting({ id: s.id, name: s.name })}
                >
                  {t("delete")}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <SegmentEditorDialog open={editing !== undefined} onOpenChange={(o) => !o && setEditing(undefined)} segment={editing} />
      <AlertDialog open={deleting !== null} onOpenChange={(o) => !o && setDeleting(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("deleteTitle")}</AlertDialogTitle>
            <AlertDialogDescription>{t("deleteBody", { name: deleting?.name ?? "" })}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tc("cancel")}</AlertDialogCancel>
            <AlertDialogAction onClick={() => deleting && remove.mutate({ id: deleting.id })}>{t("delete")}</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}

"use client";

import { useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import type { ColumnDef } from "@tanstack/react-table";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { useTRPC } from "@/components/trpc/client";
import { SegmentEditorDialog, type EditableSegment } from "./segment-editor-dialog";
import { SegmentSummary } from "./segment-summary";

type SegmentRow = RouterOutputs["segments"]["list"][number];

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
  // The editor opens from state, not a DialogTrigger: remember what opened it so focus returns there on close.
  const opener = useRef<HTMLElement | null>(null);
  const openEditor = (segment: EditableSegment | null) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEditing(segment);
  };
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

  const columns: ColumnDef<SegmentRow>[] = [
    { id: "name", accessorFn: (s) => s.name, header: t("name"), enableSorting: true, meta: { className: "font-medium", headClassName: "w-48" } },
    { id: "conditions", header: t("conditions"), meta: { className: "text-sm" }, cell: ({ row }) => <SegmentSummary definition={row.original.definition} options={options.data} /> },
    {
      id: "usedBy",
      header: t("usedBy"),
      meta: { headClassName: "w-48" },
      cell: ({ row: { original: s } }) => (
        <div className="flex flex-wrap gap-1">
          {s.usedBy.length ? s.usedBy.map((n) => <Badge key={n} variant="outline">{n}</Badge>) : <span className="text-muted-foreground">—</span>}
        </div>
      ),
    },
    {
      id: "updatedAt",
      accessorFn: (s) => new Date(s.updatedAt).getTime(),
      header: t("updatedAt"),
      enableSorting: true,
      meta: { className: "text-sm text-muted-foreground", headClassName: "w-40" },
      cell: ({ row }) => format.dateTime(row.original.updatedAt, { dateStyle: "short", timeStyle: "short" }),
    },
    {
      id: "actions",
      header: t("actions"),
      meta: { className: "text-right", headClassName: "w-32 text-right" },
      cell: ({ row: { original: s } }) => (
        <>
          <Button
            variant="link"
            size="sm"
            disabled={s.readOnly}
            title={s.readOnly ? t("readOnly") : undefined}
            onClick={() => openEditor({ id: s.id, name: s.name, definition: s.definition })}
          >
            {tc("edit")}
          </Button>
          <Button
            variant="link"
            size="sm"
            className="text-destructive"
            disabled={s.usedBy.length > 0 || s.readOnly}
            title={s.readOnly ? t("readOnly") : s.usedBy.length ? t("inUse") : undefined}
            onClick={() => setDeleting({ id: s.id, name: s.name })}
          >
            {t("delete")}
          </Button>
        </>
      ),
    },
  ];

  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <div className="flex items-center justify-between">
        <p className="text-sm text-muted-foreground">{t("listHint")}</p>
        <Button onClick={() => openEditor(null)} data-testid="create-segment">
          <Plus className="size-4" /> {t("create")}
        </Button>
      </div>
      <DataTable columns={columns} query={list} empty={t("empty")} rowTestId={(s) => `segment-row-${s.name}`} />
      <SegmentEditorDialog open={editing !== undefined} onOpenChange={(o) => !o && setEditing(undefined)} segment={editing} returnFocusTo={() => opener.current} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={t("deleteTitle")}
        body={t("deleteBody", { name: deleting?.name ?? "" })}
        confirmLabel={t("delete")}
        destructive
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </div>
  );
}

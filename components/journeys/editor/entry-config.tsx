"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Pencil, Plus, Users } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/client";
import type { EntryConfig } from "@/server/domain/journey/journey-graph";
import type { SegmentDefinitionInput } from "@/server/domain/segments/segment-definition";
import { SegmentEditorDialog, type EditableSegment } from "../segments/segment-editor-dialog";

interface SegmentRow {
  id: string;
  name: string;
  definition: SegmentDefinitionInput | null;
}

/** 开始节点: which patients (a saved segment, with its live count for this clinic) and when (every day / once). */
export function EntryConfigForm({
  config,
  clinicId,
  timezone,
  segments,
  editable,
  onChange,
}: {
  config: EntryConfig;
  clinicId: string;
  timezone: string;
  segments: SegmentRow[];
  editable: boolean;
  onChange: (next: EntryConfig) => void;
}) {
  const t = useTranslations("journeys");
  const trpc = useTRPC();
  const [editing, setEditing] = useState<EditableSegment | null | undefined>(undefined);
  const segment = segments.find((s) => s.id === config.segmentId) ?? null;
  const count = useQuery({
    ...trpc.segments.count.queryOptions({ definition: segment?.definition ?? { conditions: [] }, clinicId }),
    enabled: Boolean(segment?.definition),
    placeholderData: keepPreviousData,
  });
  const schedule = config.schedule ?? { kind: "daily" as const, time: "10:00" };

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <Label>{t("entrySegment")}</Label>
        <Select value={config.segmentId ?? ""} disabled={!editable} onValueChange={(id) => onChange({ ...config, segmentId: id })}>
          <SelectTrigger aria-label={t("entrySegment")} data-testid="entry-segment">
            <SelectValue placeholder={t("pickSegment")} />
          </SelectTrigger>
          <SelectContent>
            {segments.map((s) => (
              <SelectItem key={s.id} value={s.id}>
                {s.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {segment ? (
          <p className="flex items-center gap-1 text-xs text-muted-foreground" data-testid="entry-segment-count">
            <Users className="size-3.5" />
            {count.data ? t("segmentCountNow", { count: count.data.count }) : t("counting")}
          </p>
        ) : null}
        {editable ? (
          <div className="flex gap-2">
            <Button type="button" variant="outline" size="sm" onClick={() => setEditing(null)} data-testid="entry-new-segment">
              <Plus className="size-4" /> {t("newSegment")}
            </Button>
            {segment ? (
              <Button type="button" variant="ghost" size="sm" onClick={() => setEditing({ id: segment.id, name: segment.name, definition: segment.definition })}>
                <Pencil className="size-4" /> {t("editSegment")}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>

      <div className="space-y-2">
        <Label>{t("entrySchedule")}</Label>
        <Select
          value={schedule.kind}
          disabled={!editable}
          onValueChange={(kind) =>
            onChange({ ...config, schedule: kind === "daily" ? { kind: "daily", time: "10:00" } : { kind: "once", at: tomorrowAt10() } })
          }
        >
          <SelectTrigger aria-label={t("entryScheduleKind")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="daily">{t("scheduleKind_daily")}</SelectItem>
            <SelectItem value="once">{t("scheduleKind_once")}</SelectItem>
          </SelectContent>
        </Select>
        {schedule.kind === "daily" ? (
          <Input
            type="time"
            aria-label={t("dailyTime")}
            disabled={!editable}
            value={schedule.time}
            onChange={(e) => e.target.value && onChange({ ...config, schedule: { kind: "daily", time: e.target.value } })}
            data-testid="entry-time"
          />
        ) : (
          <Input
            type="datetime-local"
            aria-label={t("onceAt")}
            disabled={!editable}
            value={schedule.at}
            onChange={(e) => e.target.value && onChange({ ...config, schedule: { kind: "once", at: e.target.value.slice(0, 16) } })}
          />
        )}
        <p className="text-xs text-muted-foreground">{t("scheduleZoneHint", { tz: timezone })}</p>
      </div>
      <SegmentEditorDialog
        open={editing !== undefined}
        onOpenChange={(o) => !o && setEditing(undefined)}
        segment={editing}
        clinicId={clinicId}
        onSaved={(id) => onChange({ ...config, segmentId: id })}
      />
    </div>
  );
}

function tomorrowAt10(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

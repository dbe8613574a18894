"use client";

import { useState } from "react";
import { skipToken, useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { CallDetailDialog } from "@/components/calls/call-detail-dialog";
import { useTRPC } from "@/components/trpc/client";
import type { TimelineType } from "@/server/domain/timeline/timeline-types";
import { TimelineEntryCard } from "./timeline-entry-card";

export type TimelineSource =
  | { scope: "patient"; patientId: string }
  | { scope: "all"; clinicId?: string; from?: string; to?: string; until?: Date };

const PAGE = 20;

/**
 * The one 动态时间轴 of 回访 / 随访 tasks and 智能外呼 calls (and, on 客户动态, 预约 / 到诊), merged by time and paged with
 * 加载更多. Used by 回随访记录, 执行回/随访, 客户中心 and the patient's 客户动态.
 */
export function FollowUpTimeline({ source, types }: { source: TimelineSource; types: TimelineType[] }) {
  const t = useTranslations("timeline");
  const trpc = useTRPC();
  const [openCallId, setOpenCallId] = useState<string | null>(null);
  const patientQuery = useInfiniteQuery(
    trpc.followUps.patientTimeline.infiniteQueryOptions(
      source.scope === "patient" ? { patientId: source.patientId, types, limit: PAGE } : skipToken,
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const allQuery = useInfiniteQuery(
    trpc.followUps.timeline.infiniteQueryOptions(
      source.scope === "all" ? { types, limit: PAGE, clinicId: source.clinicId, from: source.from, to: source.to, until: source.until } : skipToken,
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const query = source.scope === "patient" ? patientQuery : allQuery;
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];

  if (query.isPending) {
    return (
      <div className="space-y-4">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-24 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert variant="destructive">
        <AlertDescription>{query.error.message || t("loadFailed")}</AlertDescription>
      </Alert>
    );
  }
  if (entries.length === 0) {
    return (
      <div className="py-12 text-center" data-testid="timeline-empty">
        <div className="font-medium">{t("empty")}</div>
        <div className="text-sm text-muted-foreground">{t("emptyHint")}</div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <ol data-testid="timeline">
        {entries.map((entry) => (
          <TimelineEntryCard key={`${entry.source}:${entry.id}`} entry={entry} showPatient={source.scope === "all"} onOpenCall={setOpenCallId} />
        ))}
      </ol>
      <div className="text-center">
        {query.hasNextPage ? (
          <Button variant="outline" size="sm" disabled={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
            {query.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </Button>
        ) : (
          <span className="text-xs text-muted-foreground">{t("end")}</span>
        )}
      </div>
      <CallDetailDialog callId={openCallId} onOpenChange={(open) => !open && setOpenCallId(null)} />
    </div>
  );
}

"use client";

import { useEffect, useRef } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/client";

const POLL_MS = 1_500;

/**
 * A 重新分析 job of a script (or one call): its latest progress, polled while it runs, and the action starting it.
 * When a job finishes, everything showing intents is refetched (list, counts, detail, timelines).
 */
export function useAnalysisJob(scriptId: string | undefined, callId?: string, enabled = true) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { scriptId: scriptId ?? "", ...(callId ? { callId } : {}) };
  const job = useQuery({
    ...trpc.callRecords.analysisJob.queryOptions(input),
    enabled: enabled && !!scriptId,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "queued" || q.state.data.status === "running") ? POLL_MS : false),
  });
  const start = useMutation(
    trpc.callRecords.reanalyze.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.callRecords.analysisJob.queryKey(input) }),
      onError: (e) => toast.error(e.message),
    }),
  );

  const status = job.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if ((was === "queued" || was === "running") && (status === "done" || status === "failed")) {
      void queryClient.invalidateQueries({ queryKey: trpc.callRecords.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.followUps.pathKey() });
    }
  }, [status, queryClient, trpc]);

  const running = status === "queued" || status === "running" || start.isPending;
  return { job: job.data ?? null, running, start: () => scriptId && start.mutate(input) };
}

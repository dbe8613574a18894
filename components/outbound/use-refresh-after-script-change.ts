"use client";

import { useEffect, useRef } from "react";
import { useIsMutating, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";

/**
 * 暂停 / 启用 / 停用 are the script studio's mutations (components/scripts/script-row-actions.tsx), which refresh the
 * scripts queries; this refreshes the 外呼管理, 实时监控 and 话单 figures as well once such a change settles.
 */
export function useRefreshAfterScriptChange() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const running = useIsMutating({ mutationKey: trpc.scripts.pathKey() });
  const was = useRef(0);
  useEffect(() => {
    if (was.current > 0 && running === 0) {
      void queryClient.invalidateQueries({ queryKey: trpc.outboundManagement.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.callRecords.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.monitor.snapshot.pathKey() });
    }
    was.current = running;
  }, [running, queryClient, trpc]);
}

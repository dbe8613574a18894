import "server-only";
import { prisma } from "@/server/db/client";
import { notificationListener } from "@/server/db/notifications";
import { databaseUrl } from "@/server/env";
import type { Viewer } from "@/server/domain/auth/permissions";
import { loadViewer } from "@/server/services/auth/load-viewer";
import type { OutboundAccessState } from "@/server/domain/outbound/outbound-access";
import { loadOutboundAccess } from "@/server/services/dialer/outbound/load-outbound-access";
import { OutboundAccessCache } from "./outbound-access-cache";
import { ViewerCache } from "./viewer-cache";

const holder = globalThis as unknown as { __zwViewerCache?: ViewerCache | null; __zwOutboundAccessCache?: OutboundAccessCache | null };

/** The session's viewer, or null when the user is gone, deactivated, or the session's version is no longer theirs. */
export async function sessionViewer(userId: string, sessionVersion: number): Promise<Viewer | null> {
  if (holder.__zwViewerCache === undefined) {
    const listener = notificationListener(databaseUrl());
    holder.__zwViewerCache = listener ? new ViewerCache(prisma, listener) : null;
  }
  const cache = holder.__zwViewerCache;
  if (!cache) return loadViewer(prisma, userId, sessionVersion);
  return cache.get(userId, sessionVersion);
}

/** The company's 智能外呼 access, from the process's cache (outbound-access-cache.ts) when it has a LISTEN connection. */
export async function companyOutboundAccess(companyId: string): Promise<OutboundAccessState> {
  if (holder.__zwOutboundAccessCache === undefined) {
    const listener = notificationListener(databaseUrl());
    holder.__zwOutboundAccessCache = listener ? new OutboundAccessCache(prisma, listener) : null;
  }
  const cache = holder.__zwOutboundAccessCache;
  return cache ? cache.get(companyId) : loadOutboundAccess(prisma, companyId);
}

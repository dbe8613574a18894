import "server-only";
import { prisma } from "@/server/db/client";
import { notificationListener } from "@/server/db/notifications";
import { databaseUrl } from "@/server/env";
import type { Viewer } from "@/server/domain/auth/permissions";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { ViewerCache } from "./viewer-cache";

const holder = globalThis as unknown as { __zwViewerCache?: ViewerCache | null };

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

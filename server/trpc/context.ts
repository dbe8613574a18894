import "server-only";
import { cache } from "react";
import { appPorts } from "@/server/adapters/app-ports";
import { auth } from "@/server/auth";
import { prisma } from "@/server/db/client";
import { loadViewer } from "@/server/services/auth/load-viewer";
import type { Context } from "./init";

export const createContext = cache(async (): Promise<Context> => {
  const session = await auth();
  const viewer = session?.user?.id ? await loadViewer(prisma, session.user.id, session.user.sessionVersion) : null;
  return { db: prisma, viewer, ports: appPorts };
});

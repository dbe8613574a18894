import "server-only";
import { cache } from "react";
import { appPorts } from "@/server/adapters/app-ports";
import { sessionIdentity } from "@/server/auth/session-identity";
import { prisma } from "@/server/db/client";
import { dialerActivityListener } from "@/server/db/dialer-activity";
import { databaseUrl } from "@/server/env";
import { sessionViewer } from "@/server/auth/session-viewer";
import type { Context } from "./init";

export const createContext = cache(async (): Promise<Context> => {
  const identity = await sessionIdentity();
  const viewer = identity && (await sessionViewer(identity.userId, identity.sessionVersion));
  const listener = dialerActivityListener(databaseUrl());
  return { db: prisma, viewer, ports: appPorts, dialerActivity: listener ? (fn) => listener.subscribe(fn) : null };
});

import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { appPorts } from "@/server/adapters/app-ports";
import { auth } from "@/server/auth";
import { prisma } from "@/server/db/client";
import { dialerActivityListener } from "@/server/db/dialer-activity";
import { databaseUrl } from "@/server/env";
import { isLocale } from "@/server/i18n/locales";
import { loadViewer } from "@/server/services/auth/load-viewer";
import type { Context } from "./init";

export const createContext = cache(async (): Promise<Context> => {
  const session = await auth();
  const viewer = session?.user?.id ? await loadViewer(prisma, session.user.id, session.user.sessionVersion) : null;
  const listener = dialerActivityListener(databaseUrl());
  const locale = (await cookies()).get("locale")?.value;
  return { db: prisma, viewer, ports: appPorts, dialerActivity: listener ? (fn) => listener.subscribe(fn) : null, locale: isLocale(locale) ? locale : undefined };
});

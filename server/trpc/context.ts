import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { appPorts } from "@/server/adapters/app-ports";
import { sessionIdentity } from "@/server/auth/session-identity";
import { prisma } from "@/server/db/client";
import { dialerActivityListener } from "@/server/db/dialer-activity";
import { databaseUrl } from "@/server/env";
import { isLocale } from "@/server/i18n/locales";
import { companyOutboundAccess, sessionViewer } from "@/server/auth/session-viewer";
import type { Context } from "./init";

export const createContext = cache(async (): Promise<Context> => {
  const identity = await sessionIdentity();
  const viewer = identity && (await sessionViewer(identity.userId, identity.sessionVersion));
  const listener = dialerActivityListener(databaseUrl());
  const locale = (await cookies()).get("locale")?.value;
  return { db: prisma, viewer, ports: appPorts, outboundAccess: companyOutboundAccess, dialerActivity: listener ? (fn) => listener.subscribe(fn) : null, locale: isLocale(locale) ? locale : undefined };
});

import type { PrismaClient } from "@/server/db/create-client";
import type { AppPorts } from "@/server/ports/app-ports";
import type { WebhookTransport } from "@/server/ports/webhook";
import { fetchWebhookTransport } from "@/server/adapters/webhook/fetch-transport";

/** What job handlers need from the outside, resolved lazily so importing a function does not open a database. */
export interface JobDeps extends Pick<AppPorts, "carrier" | "sms" | "storage" | "intentClassifier"> {
  db: PrismaClient;
  now: () => Date;
  /** Names this process in claim tokens. */
  workerId: string;
  webhookTransport: WebhookTransport;
}

/** What tests (and the bench) set: their database, carrier and clock; ports they leave out are the app's adapters. */
export type JobDepsOverride = Omit<JobDeps, "sms" | "storage" | "intentClassifier" | "webhookTransport"> & Partial<JobDeps>;

const holder = globalThis as unknown as { __zwJobDeps?: () => Promise<JobDepsOverride> };

/** Tests (and the bench) point the handlers at their own database, carrier and clock. */
export function setJobDeps(factory: (() => Promise<JobDepsOverride>) | undefined) {
  holder.__zwJobDeps = factory;
}

/** The jobs' composition root: the handlers pass these on to services, which never pick an adapter themselves. */
export async function jobDeps(): Promise<JobDeps> {
  const { appPorts } = await import("@/server/adapters/app-ports");
  const given = holder.__zwJobDeps ? await holder.__zwJobDeps() : await appDeps(appPorts);
  return {
    ...given,
    // Getters: a port is made only when a handler uses it (a test's unused default never loads its vendor's settings).
    get sms() {
      return given.sms ?? appPorts.sms;
    },
    get storage() {
      return given.storage ?? appPorts.storage;
    },
    get intentClassifier() {
      return given.intentClassifier ?? appPorts.intentClassifier;
    },
    get webhookTransport() {
      return given.webhookTransport ?? fetchWebhookTransport;
    },
  };
}

async function appDeps(ports: AppPorts): Promise<JobDepsOverride> {
  const { prisma } = await import("@/server/db/client");
  const { appNow } = await import("@/server/env");
  return { db: prisma, carrier: ports.carrier, now: appNow, workerId: `pid${process.pid}` };
}

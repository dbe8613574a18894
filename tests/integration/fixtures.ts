import { inject } from "vitest";
import { appPorts } from "@/server/adapters/app-ports";
import { createPrismaClient, type PrismaClient } from "@/server/db/create-client";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { createCaller } from "@/server/trpc/router";

let client: PrismaClient | undefined;
export function testDb(): PrismaClient {
  return (client ??= createPrismaClient(inject("databaseUrl")));
}

export async function callerFor(userId: string) {
  const db = testDb();
  const viewer = await loadViewer(db, userId);
  if (!viewer) throw new Error(`no active user ${userId}`);
  return createCaller({ db, viewer, ports: appPorts });
}

export const anonymousCaller = () => createCaller({ db: testDb(), viewer: null, ports: appPorts });

/** The seeded companies (see tests/integration/test-database.ts). */
export async function seeded() {
  const db = testDb();
  const users = await db.user.findMany({ include: { role: true, company: true } });
  const pick = (companyName: string, roleKey: string) => {
    const u = users.find((x) => x.company?.name === companyName && x.role?.key === roleKey);
    if (!u) throw new Error(`seed has no ${roleKey} in ${companyName}`);
    return u;
  };
  const platformAdmin = users.find((u) => u.isPlatformAdmin)!;
  const companies = await db.company.findMany({ include: { clinics: { orderBy: { createdAt: "asc" } } } });
  const a = companies.find((c) => c.name === COMPANY_A)!;
  const b = companies.find((c) => c.name === COMPANY_B)!;
  return {
    platformAdmin,
    a: { company: a, admin: pick(COMPANY_A, "companyAdmin"), clinicAdmin: pick(COMPANY_A, "clinicAdmin"), frontDesk: pick(COMPANY_A, "frontDesk"), consultant: pick(COMPANY_A, "consultant") },
    b: { company: b, admin: pick(COMPANY_B, "companyAdmin"), frontDesk: pick(COMPANY_B, "frontDesk") },
  };
}

export const COMPANY_A = "微笑口腔连锁";
export const COMPANY_B = "皓齿口腔连锁";

import "server-only";
import { createPrismaClient, type PrismaClient } from "./create-client";
import { databaseUrl } from "@/server/env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The one Prisma client of the app process (kept across hot reloads in development). */
export const prisma = globalForPrisma.prisma ?? createPrismaClient(databaseUrl());
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;

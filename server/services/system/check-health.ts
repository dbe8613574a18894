import type { PrismaClient } from "@/server/db/create-client";

/** Liveness for load balancers and the fault bench: the process answers and reaches its database. */
export async function checkHealth(db: PrismaClient): Promise<{ ok: boolean; db: "up" | "down"; error?: string }> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true, db: "up" };
  } catch (error) {
    return { ok: false, db: "down", error: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  }
}

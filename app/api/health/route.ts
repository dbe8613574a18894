import { prisma } from "@/server/db/client";
import { checkHealth } from "@/server/services/system/check-health";

export const dynamic = "force-dynamic";

/** GET /api/health — 200 when this process reaches its database, 503 otherwise (no login, no details beyond that). */
export async function GET() {
  const health = await checkHealth(prisma);
  return Response.json({ ok: health.ok, db: health.db }, { status: health.ok ? 200 : 503 });
}

import type { Tx } from "@/server/db/create-client";

/**
 * Ends every session of the user at once, on every app process: the next request with any of their tokens loads no
 * viewer (`loadViewer` compares the token's session version with the row's). Used by logout; a password, role or clinic
 * change and an admin's 强制下线 must call it too.
 */
export async function revokeSessions(db: Tx, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

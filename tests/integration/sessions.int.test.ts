import { beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { revokeSessions } from "@/server/services/auth/revoke-sessions";
import { seeded, testDb } from "./fixtures";

/** Issue 23, finding 5: a session token stops working once the user's sessions are revoked (logout, 强制下线). */
let userId: string;
beforeAll(async () => {
  userId = (await seeded()).a.frontDesk.id;
});

describe("session versions", () => {
  it("a token issued before revokeSessions loads no viewer; one issued after does", async () => {
    const db = testDb();
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
    expect((await loadViewer(db, userId, sessionVersion))?.userId).toBe(userId);
    await revokeSessions(db, userId);
    expect(await loadViewer(db, userId, sessionVersion)).toBeNull();
    expect((await loadViewer(db, userId, sessionVersion + 1))?.userId).toBe(userId);
  });
});

import type { PrismaClient } from "../../server/generated/prisma/client";

export type { PrismaClient };

/** What the seed functions need: a client or an interactive-transaction client. */
export type SeedDb = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Inserts in chunks so one statement never nears PostgreSQL's 65,535 bind-parameter limit. */
export async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>, size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

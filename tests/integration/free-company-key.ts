import type { Tx } from "@/server/db/create-client";
import { companyCode } from "../../prisma/seed/accounts";

/**
 * A company key whose staff mobiles (138 + the key's 4-digit code + slot, prisma/seed/accounts.ts) no company of this
 * shared test database uses yet: multi-letter keys hash into 9 900 codes, and tests that make a key from a random seed
 * (call-totals, outcome-credits) collided now and then with a fixed key of another file (User_mobile_key).
 */
export async function freeCompanyKey(db: Tx, key: string): Promise<string> {
  for (let n = 0; n < 50; n++) {
    const candidate = n === 0 ? key : `${key.slice(0, 27)}-${n}`;
    const taken = await db.user.findFirst({ where: { mobile: { startsWith: `138${companyCode(candidate)}` } }, select: { id: true } });
    if (!taken) return candidate;
  }
  throw new Error(`no free company code near ${key}`);
}

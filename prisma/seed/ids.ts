import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A collision-resistant id shaped like Prisma's cuid() ("c" + 24 lowercase base-36 characters), generated client-side
 * so bulk `createMany` inserts can reference each other's rows without reading them back. Ids are the one part of the
 * seed that is not deterministic (like Prisma's own defaults); everything else comes from the seeded PRNG.
 */
export function newId(): string {
  const bytes = randomBytes(24);
  let out = "c";
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}

import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A cuid-shaped id for rows inserted with raw SQL (Prisma's @default(cuid()) only applies to its own inserts). */
export function newRowId(): string {
  let out = "c";
  for (const b of randomBytes(24)) out += ALPHABET[b % 36];
  return out;
}

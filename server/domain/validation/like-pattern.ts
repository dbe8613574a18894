/**
 * Text for a Prisma `contains` / `startsWith` filter: PostgreSQL's LIKE reads `%` and `_` as wildcards and `\` as their
 * escape, and Prisma passes the text through as it is — so `q: "_"` matched every patient. Escaped, they match
 * themselves.
 */
export function likeText(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

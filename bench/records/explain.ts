/**
 * `--explain`: runs each case once through a Prisma client with the query log on, then prints EXPLAIN (ANALYZE,
 * BUFFERS) of the SQL it sent to "Call", to see which index each filter combination uses.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../server/generated/prisma/client";

export async function explainQueries(url: string, cases: [string, (db: PrismaClient) => Promise<unknown>][]) {
  const logged: { query: string; params: string }[] = [];
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  db.$on("query", (e) => logged.push({ query: e.query, params: e.params }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [name, run] of cases) {
      logged.length = 0;
      await run(db);
      for (const q of logged.filter((l) => /FROM "(public"\.")?(Call|CallTask)"/.test(l.query))) {
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, JSON.parse(q.params));
        console.log(`\n### ${name}\n${q.query.slice(0, 400)}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
      }
    }
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

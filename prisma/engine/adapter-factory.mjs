// Driver adapter factory handed to the Wasm schema engine. Wraps @prisma/adapter-pg 7.10 and
// works around its gaps for migrations:
//  - Postgres "char" columns (OID 18, e.g. pg_constraint.contype) have no column-type mapping;
//  - executeScript() splits scripts on ";" (breaks $$-quoted bodies, strings, comments);
//  - connectToShadowDb() ignores the database it creates when given a plain connection
//    string (pg lets the URL win over `database`), so the "shadow" is the main database, and it
//    drops the shadow database while its pool is still connected.
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";

import { describeUrl, dropDatabase, quoteIdent, withClient, withDatabase } from "./database-admin.mjs";
import { log } from "./log.mjs";

const require = createRequire(import.meta.url);
const { PrismaPg } = require("@prisma/adapter-pg");
const { ColumnTypeEnum } = require("@prisma/driver-adapter-utils");

const CHAR_OID = 18;
const TEXT_OID = 25;
const charColumns = Symbol("charColumns");

/**
 * Teach adapter-pg's queryables (adapter and transactions share the prototype) the "char" type:
 * parse it as text, but report the column as Character, like the native engine's driver does.
 */
function patchCharColumns(adapter) {
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)); // PgQueryable.prototype
  if (proto[charColumns]) return;
  const { performIO, queryRaw } = proto;
  proto.performIO = async function (query) {
    const result = await performIO.call(this, query);
    const indexes = result.fields.flatMap((field, i) => (field.dataTypeID === CHAR_OID ? [i] : []));
    if (indexes.length === 0) return result;
    for (const i of indexes) result.fields[i].dataTypeID = TEXT_OID;
    // queryRaw() returns this same rows array, which carries the indexes to the wrapper below.
    Object.defineProperty(result.rows, charColumns, { value: indexes });
    return result;
  };
  proto.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const i of result.rows[charColumns] ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  proto[charColumns] = true;
}

/** Cleanups (temporary shadow databases / servers) still pending; run by disposeAll(). */
const pending = new Set();

/**
 * @param {{ url?: string, shadowDatabaseUrl?: string }} datasource
 * @returns {import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory}
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  let main;
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      main = await connect(requireUrl(url));
      return main;
    },
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // The engine wipes the shadow database: never let that be the main one.
        const [shadow, primary] = [describeUrl(shadowDatabaseUrl), describeUrl(requireUrl(url))];
        if (shadow.host === primary.host && (shadow.database === primary.database || (await isPglite(main)))) {
          throw new Error("shadowDatabaseUrl points to the main database; use a separate, disposable database.");
        }
        // Unlike the native engine, the Wasm engine applies the migrations without resetting it.
        const shadowDb = await connect(shadowDatabaseUrl);
        const schema = quoteIdent(new URL(shadowDatabaseUrl).searchParams.get("schema") ?? "public");
        await shadowDb.executeScript(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
        return shadowDb;
      }
      if (await isPglite(main)) return connectToPgliteShadow();
      return connectToTemporaryDatabase(requireUrl(url));
    },
  };
}

/** PGlite serves every database name from one single database, so it cannot host a shadow. */
async function isPglite(adapter) {
  // Ask through the engine's own connection: pglite-socket may accept only one connection.
  const { rows } = await adapter.queryRaw({ sql: "SELECT version()", args: [], argTypes: [] });
  return /PGlite/i.test(String(rows[0]?.[0]));
}

/** Drops leftover temporary shadow databases and stops in-process shadow servers. */
export async function disposeAll() {
  await Promise.allSettled([...pending].map((cleanup) => cleanup()));
}

function requireUrl(url) {
  if (!url) throw new Error("No datasource url: set `datasource.url` in prisma.config.ts.");
  return url;
}

/** One connection, like the native engine (session state and advisory locks stay on it). */
async function connect(url, { onDispose } = {}) {
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  // Like the native engine, run migrations with `?schema=` as search_path.
  const options = schema && `-c search_path=${quoteIdent(schema)}`;
  const adapter = await new PrismaPg({ connectionString: url, max: 1, options }, { schema }).connect();
  patchCharColumns(adapter);
  const pool = adapter.underlyingDriver();
  // Run scripts as one simple-protocol query (what the native engine does), not split on ";".
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  if (onDispose) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose(); // close the pool first, then drop/stop what backs it
      await onDispose();
    };
  }
  return adapter;
}

/** Creates `<db>_shadow_<random>` next to the main database; dropped when the engine disposes it. */
async function connectToTemporaryDatabase(url) {
  const name = `${describeUrl(url).database.slice(0, 40)}_shadow_${randomBytes(6).toString("hex")}`;
  await withClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  log("INFO", `Created shadow database ${name}`);
  const cleanup = once(async () => {
    await dropDatabase(url, name);
    log("INFO", `Dropped shadow database ${name}`);
  });
  pending.add(cleanup);
  try {
    return await connect(withDatabase(url, name), { onDispose: cleanup });
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** PGlite serves a single database, so use a fresh in-memory PGlite as the shadow database. */
async function connectToPgliteShadow() {
  const { url, stop } = await startInMemoryPostgres();
  return connect(url, { onDispose: stop });
}

/** Starts an empty in-memory PGlite on a random local port (stopped by disposeAll() at the latest). */
export async function startInMemoryPostgres() {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0 });
  await server.start();
  log("INFO", `Started in-memory PGlite at ${server.getServerConn()}`);
  const stop = once(async () => {
    await server.stop();
    await db.close();
  });
  pending.add(stop);
  return { url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres`, stop };
}

function once(fn) {
  let promise;
  const wrapped = () => {
    promise ??= fn().finally(() => pending.delete(wrapped));
    return promise;
  };
  return wrapped;
}

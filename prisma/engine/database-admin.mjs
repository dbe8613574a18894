// Small PostgreSQL helpers for the schema engine stand-in: connection checks, CREATE/DROP
// DATABASE, and mapping of connection errors to Prisma's user-facing error codes.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The `pg` instance used by @prisma/adapter-pg (patched in adapter-factory.mjs).
export const pg = createRequire(require.resolve("@prisma/adapter-pg"))("pg");

/** A Prisma user-facing error (`code` like P1001), reported by the engine as such. */
export class UserFacingError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.name = "UserFacingError";
    this.code = code;
  }
}

/** @param {string} url */
export function describeUrl(url) {
  const u = new URL(url);
  return {
    host: `${decodeURIComponent(u.hostname) || "localhost"}:${u.port || 5432}`,
    database: decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || "postgres",
    user: decodeURIComponent(u.username),
  };
}

/** Returns `url` pointing at another database on the same server. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** @param {string} name */
export const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/** Maps a `pg` connection/auth error to the error the native engine would report. */
export function toUserFacingError(error, url) {
  const { host, database, user } = describeUrl(url);
  switch (error?.code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return new UserFacingError(
        "P1001",
        `Can't reach database server at \`${host}\`\n\nPlease make sure your database server is running at \`${host}\`.`,
      );
    case "3D000":
      return new UserFacingError(
        "P1003",
        `Database \`${database}\` does not exist on the database server at \`${host}\`.`,
      );
    case "28P01":
    case "28000":
      return new UserFacingError(
        "P1000",
        `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${host}\`.`,
      );
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

/** Runs `fn` with a single short-lived client; connection errors become user-facing errors. */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw toUserFacingError(error, url);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function canConnect(url) {
  await withClient(url, (client) => client.query("SELECT 1"));
}

/** Creates the database named in `url` (connecting to the server's `postgres` database). */
export async function createDatabase(url) {
  const { database } = describeUrl(url);
  await withClient(withDatabase(url, "postgres"), (client) => client.query(`CREATE DATABASE ${quoteIdent(database)}`));
  return database;
}

/** Drops `database` while connected through `adminUrl` (which must point at another database). */
export async function dropDatabase(adminUrl, database) {
  await withClient(adminUrl, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    } catch (error) {
      if (error?.code !== "42601") throw error; // syntax error: server older than PostgreSQL 13
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`);
    }
  });
}

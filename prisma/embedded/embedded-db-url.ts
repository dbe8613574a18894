// Connection settings of the embedded development database (PGlite served over the Postgres wire
// protocol by scripts/db-embedded.ts). Dependency-free so config and app code can import it.
export const EMBEDDED_DB_HOST = "127.0.0.1";
export const EMBEDDED_DB_PORT = 54329;
export const EMBEDDED_DB_DATA_DIR = ".data/pglite";

export function embeddedDatabaseUrl(port: number = EMBEDDED_DB_PORT, host: string = EMBEDDED_DB_HOST): string {
  return `postgresql://postgres:postgres@${host}:${port}/postgres`;
}

export const EMBEDDED_DATABASE_URL = embeddedDatabaseUrl();

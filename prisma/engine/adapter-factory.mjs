// Driver adapter factory handed to the Wasm schema engine. Wraps @prisma/adapter-pg 7.10 and
// works around its gaps for migrations:
//  - Postgres "char" columns (OID 18, e.g. pg_class.relkind) have no column-type mapping;
//  - executeScript() splits scripts on ";" (breaks $$-quoted bodies, strings, comments);
//  - connectToShadowDb() ignores the database it creates when given a plain connection
//    string (pg lets the URL win over `database`), so the "shadow" is the main database, and it
//    drops the shadow database while its pool is still connected.
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'

import { describeUrl, dropDatabase, isPglite, pg, quoteIdent, withClient, withDatabase } from './database-admin.mjs'
import { log } from './log.mjs'

const require = createRequire(import.meta.url)
const { PrismaPg } = require('@prisma/adapter-pg')

// Report "char" (OID 18) as text (OID 25): same string values, a type adapter-pg maps.
const addFields = pg.Result.prototype.addFields
pg.Result.prototype.addFields = function (fields) {
  for (const field of fields) if (field.dataTypeID === 18) field.dataTypeID = 25
  return addFields.call(this, fields)
}

/** Cleanups (temporary shadow databases / servers) still pending; run by disposeAll(). */
const pending = new Set()

/**
 * @param {{ url?: string, shadowDatabaseUrl?: string }} datasource
 * @returns {import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory}
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connect(requireUrl(url)),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) return connect(shadowDatabaseUrl)
      if (await isPglite(requireUrl(url))) return connectToPgliteShadow()
      return connectToTemporaryDatabase(requireUrl(url))
    },
  }
}

/** Drops leftover temporary shadow databases and stops in-process shadow servers. */
export async function disposeAll() {
  await Promise.allSettled([...pending].map((cleanup) => cleanup()))
}

function requireUrl(url) {
  if (!url) throw new Error('No datasource url: set `datasource.url` in prisma.config.ts.')
  return url
}

/** One connection, like the native engine (session state and advisory locks stay on it). */
async function connect(url, { onDispose } = {}) {
  const schema = new URL(url).searchParams.get('schema') ?? undefined
  const adapter = await new PrismaPg({ connectionString: url, max: 1 }, { schema }).connect()
  const pool = adapter.underlyingDriver()
  // Run scripts as one simple-protocol query (what the native engine does), not split on ";".
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script)
    } catch (error) {
      adapter.onError(error)
    }
  }
  if (onDispose) {
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      await dispose() // close the pool first, then drop/stop what backs it
      await onDispose()
    }
  }
  return adapter
}

/** Creates `<db>_shadow_<random>` next to the main database; dropped when the engine disposes it. */
async function connectToTemporaryDatabase(url) {
  const name = `${describeUrl(url).database.slice(0, 40)}_shadow_${randomBytes(6).toString('hex')}`
  await withClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`))
  log('INFO', `Created shadow database ${name}`)
  const cleanup = once(async () => {
    await dropDatabase(url, name)
    log('INFO', `Dropped shadow database ${name}`)
  })
  pending.add(cleanup)
  try {
    return await connect(withDatabase(url, name), { onDispose: cleanup })
  } catch (error) {
    await cleanup()
    throw error
  }
}

/** PGlite serves a single database, so use a fresh in-memory PGlite as the shadow database. */
async function connectToPgliteShadow() {
  const { PGlite } = await import('@electric-sql/pglite')
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket')
  const db = await PGlite.create()
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 })
  await server.start()
  log('INFO', `Started in-memory PGlite shadow database at ${server.getServerConn()}`)
  const cleanup = once(async () => {
    await server.stop()
    await db.close()
  })
  pending.add(cleanup)
  return connect(`postgresql://postgres:postgres@${server.getServerConn()}/postgres`, { onDispose: cleanup })
}

function once(fn) {
  let promise
  const wrapped = () => {
    promise ??= fn().finally(() => pending.delete(wrapped))
    return promise
  }
  return wrapped
}

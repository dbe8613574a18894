// Runs the embedded development database (PGlite on 127.0.0.1:54329, data in .data/pglite) in the
// foreground, e.g. next to `next dev`. Stop with Ctrl+C.
//   tsx scripts/db-embedded.ts [--port 54329] [--data-dir .data/pglite]
import { parseArgs } from 'node:util'

import { startEmbeddedDb } from '../prisma/embedded/start-embedded-db'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
  },
})

const db = await startEmbeddedDb({
  port: values.port ? Number(values.port) : undefined,
  dataDir: values['data-dir'],
})
console.log(`Embedded PostgreSQL (PGlite) listening: ${db.url}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    console.log('Stopping embedded PostgreSQL…')
    await db.stop()
    process.exit(0)
  })
}

/**
 * `npm start`: the production server on every core (issue 29). Node's cluster module forks WEB_CONCURRENCY workers
 * (default: the machine's cores), each running `next start`; the workers share the one listening socket (the primary
 * hands connections round-robin). The app is stateless between requests (sessions are JWTs, the viewer cache is per
 * process and invalidated by NOTIFY), so any worker may answer any request.
 *
 * In-process jobs: every worker runs the job driver for the events its own requests emit (an upload's import, a
 * webhook's ended call), but only worker 1 fires the crons (JOBS_CRONS=1; the others get JOBS_CRONS=0), so a
 * once-a-minute job runs once a minute, not N times. A worker that dies is forked again with the same role. With
 * Inngest configured (INNGEST_EVENT_KEY / INNGEST_DEV) none of this matters: Inngest runs the jobs. The embedded
 * database (one connection at a time) forces one worker. Arguments after `npm start --` go to `next start`.
 */
import cluster from "node:cluster";
import os from "node:os";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const embedded = (process.env.DATABASE_URL ?? "").includes(":54329/") || !process.env.DATABASE_URL;
const wanted = Number(process.env.WEB_CONCURRENCY) || os.availableParallelism();
const workers = embedded ? 1 : Math.max(1, wanted);

const args = process.argv.slice(2);
if (!args.some((a) => a === "-p" || a.startsWith("--port"))) args.push("-p", process.env.PORT ?? "3000");

cluster.setupPrimary({ exec: require.resolve("next/dist/bin/next"), args: ["start", ...args] });

const roles = new Map(); // worker id → index (1-based)
let stopping = false;
function fork(index) {
  const worker = cluster.fork({ WORKER_INDEX: String(index), JOBS_CRONS: index === 1 ? "1" : "0" });
  roles.set(worker.id, index);
}
for (let i = 1; i <= workers; i++) fork(i);
console.log(`▸ ${workers} server process(es) (WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? `cores: ${os.availableParallelism()}`}${embedded ? "; embedded database: one process" : ""}); crons in worker 1`);

cluster.on("exit", (worker, code, signal) => {
  const index = roles.get(worker.id);
  roles.delete(worker.id);
  if (stopping) {
    if (roles.size === 0) process.exit(0);
    return;
  }
  console.error(`▸ worker ${index} exited (${signal ?? code}); starting it again`);
  setTimeout(() => fork(index), 1_000);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

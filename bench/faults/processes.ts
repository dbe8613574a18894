import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

const BIN = (name: string) => path.resolve("node_modules/.bin", name);

export interface Proc {
  name: string;
  child: ChildProcess;
  /** The server's own pid (its claim tokens read `pid<N>:…`). */
  pid: number;
}

/** Spawned in its own process group, so `kill -9` takes the whole server (and nothing else). */
export function startProc(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, log: (l: string) => void): Proc {
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter((l) => l.trim() && /error|warn|\[db\]|\[carrier-sim\]|\[jobs\]/i.test(l))
      .slice(0, 5)
      .forEach((l) => log(`${name}: ${l.slice(0, 200)}`));
  child.stdout!.on("data", prefix);
  child.stderr!.on("data", prefix);
  return { name, child, pid: child.pid! };
}

export function startApp(name: string, port: number, env: NodeJS.ProcessEnv, log: (l: string) => void): Proc {
  return startProc(name, process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], { ...env, PORT: String(port) }, log);
}

export function startCarrier(env: NodeJS.ProcessEnv, log: (l: string) => void): Proc {
  return startProc("carrier", BIN("tsx"), ["scripts/carrier-sim.ts", "--fresh"], env, log);
}

export function kill9(proc: Proc) {
  try {
    process.kill(-proc.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

export async function stop(proc: Proc) {
  if (proc.child.exitCode !== null) return;
  try {
    process.kill(-proc.pid, "SIGTERM");
  } catch {
    return;
  }
  const exited = new Promise((r) => proc.child.once("exit", r));
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  kill9(proc);
}

/** Polls url until it answers 200; returns the ms it took (or throws after timeoutMs). */
export async function waitOk(url: string, timeoutMs: number, everyMs = 200): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await res.body?.cancel();
      if (res.ok) return Date.now() - start;
    } catch {
      // not up yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The bench's own PostgreSQL cluster (never the shared one): created once, started, restarted, dropped. */
export const cluster = {
  ensure(name: string, port: number) {
    const list = spawnSync("pg_lsclusters", ["-h"], { encoding: "utf8" }).stdout;
    const exists = list.split("\n").some((l) => l.split(/\s+/)[1] === name);
    if (!exists) run("pg_createcluster", ["15", name, "-p", String(port), "--", "--auth=trust"]);
    if (!list.split("\n").some((l) => l.split(/\s+/)[1] === name && l.includes("online"))) run("pg_ctlcluster", ["15", name, "start"]);
  },
  restart(name: string) {
    run("pg_ctlcluster", ["15", name, "restart"]);
  },
  drop(name: string) {
    spawnSync("pg_dropcluster", ["15", name, "--stop"], { stdio: "inherit" });
  },
};

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
}

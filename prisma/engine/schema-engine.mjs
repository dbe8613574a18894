#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary (set PRISMA_SCHEMA_ENGINE_BINARY to
// this file; prisma.config.ts does). It speaks the binary's interface, as used by the Prisma CLI:
//   schema-engine --version
//   schema-engine --datasource <json> cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels <file>]... [--datasource <json>]   JSON-RPC 2.0 over stdin/stdout
// and delegates to the Wasm schema engine with @prisma/adapter-pg (PostgreSQL only).
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

import { createAdapterFactory, disposeAll, startInMemoryPostgres } from "./adapter-factory.mjs";
import { canConnect, createDatabase, describeUrl, dropDatabase, withDatabase } from "./database-admin.mjs";
import { lastPanicMessage, loadSchemaEngine } from "./load-schema-engine.mjs";
import { log } from "./log.mjs";

const args = parseArgs(process.argv.slice(2));

if (args.version) {
  const { version } = await loadSchemaEngine();
  process.stdout.write(`schema-engine-cli ${version()}\n`);
} else if (args.cli) {
  await runCliCommand(args.cli, args.datasource?.url);
} else {
  serveJsonRpc();
}

function parseArgs(argv) {
  const parsed = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length && !parsed.cli; i++) {
    switch (argv[i]) {
      case "--version":
      case "-V":
        parsed.version = true;
        break;
      case "--datamodels":
        parsed.datamodels.push(argv[++i]);
        break;
      case "--datasource":
        parsed.datasource = JSON.parse(argv[++i]);
        break;
      case "--enabled-preview-features":
      case "--extension-types":
        i++; // not used by the Wasm engine
        break;
      case "cli":
        parsed.cli = argv[i + 1];
        break;
    }
  }
  return parsed;
}

// `schema-engine cli <command>`: exit 0 on success; on failure the CLI skips the first stderr
// line and looks for an ERROR line with `error_code` and `message` fields.
async function runCliCommand(command, url) {
  try {
    if (!url) throw new Error("No datasource url was provided (--datasource).");
    if (command === "can-connect-to-database") await canConnect(url);
    else if (command === "create-database") await createDatabase(url);
    else if (command === "drop-database") await dropDatabase(withDatabase(url, "postgres"), describeUrl(url).database);
    else throw new Error(`Unsupported schema-engine cli command: ${command}`);
  } catch (error) {
    log("INFO", `schema-engine cli ${command}`);
    log("ERROR", error.message, error.code ? { error_code: error.code } : {});
    process.exit(1);
  }
}

function serveJsonRpc() {
  const datasource = args.datasource ?? {};
  const datamodels = args.datamodels.length
    ? args.datamodels.map((file) => [file, readFileSync(file, "utf8")])
    : undefined;
  // JS errors thrown inside the adapters reach us as "External error id#<n>"; keep their messages.
  const errorRegistries = [];
  const withJsErrors = (error) => {
    const message = String(error?.message ?? "").replace(/External error id#(\d+)/g, (text, id) => {
      const original = errorRegistries.map((registry) => registry.consumeError(Number(id))?.error).find(Boolean);
      return original?.message ?? text;
    });
    return message === error?.message ? error : Object.assign(error, { message });
  };
  const createEngine = async (adapterFactory) => {
    const [{ SchemaEngine }, { bindMigrationAwareSqlAdapterFactory }] = await Promise.all([
      loadSchemaEngine(),
      import("@prisma/driver-adapter-utils"),
    ]);
    const forwardLog = (line) => process.stderr.write(`${line}\n`);
    const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
    errorRegistries.push(bound.errorRegistry);
    return SchemaEngine.new({ datamodels }, forwardLog, bound);
  };
  // Connect eagerly like the native engine; failures are reported on the first request.
  const enginePromise = createEngine(createAdapterFactory(datasource));
  enginePromise.catch(() => {}); // handled per request
  // `migrate diff` between schema files / migrations / empty needs no live database, but the Wasm
  // engine always connects; if that fails, use a throwaway in-memory PGlite instead.
  let offlineEnginePromise;
  const offlineEngine = () =>
    (offlineEnginePromise ??= startInMemoryPostgres().then(({ url }) => createEngine(createAdapterFactory({ url }))));
  const needsNoDatabase = (params) =>
    [params?.from, params?.to].every((target) => ["empty", "schemaDatamodel", "migrations"].includes(target?.tag));

  let nextOwnRequestId = 1_000_000;
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  /** Asks the CLI to print text to its stdout (how the native engine outputs `migrate diff`). */
  const print = (content) => send({ jsonrpc: "2.0", id: nextOwnRequestId++, method: "print", params: { content } });

  async function handle({ id, method, params }) {
    try {
      const engine = await enginePromise.catch((error) => {
        if (method === "diff" && needsNoDatabase(params)) return offlineEngine();
        throw error;
      });
      let result;
      if (method === "getDatabaseVersion") result = await engine.version(params ?? null);
      else if (method === "createDatabase") result = { databaseName: await createDatabase(datasourceUrl(params)) };
      else if (method === "diff") {
        const { stdout, ...rest } = await engine.diff(params);
        if (stdout) print(stdout.replace(/\n$/, "")); // the CLI adds the newline back
        result = rest;
      } else if (method === "debugPanic") result = engine.debugPanic();
      else if (method === "evaluateDataLoss" || method === "createMigration")
        result = await withShadowSchema(engine, method, params);
      else if (method !== "constructor" && typeof engine[method] === "function") result = await engine[method](params);
      else throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
      send({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (error) {
      send({ jsonrpc: "2.0", id, error: toRpcError(withJsErrors(error)) });
      if (isPanic(error)) await shutdown(101); // the Wasm instance is unusable after a panic
    }
  }

  // The Wasm engine only builds the migrations' schema (via a shadow database) in
  // diagnoseMigrationHistory/devDiagnostic and caches it by migration list; evaluateDataLoss and
  // createMigration fail on a cache miss (e.g. `migrate dev` just applied pending migrations).
  // Prime the cache with the now-applied migrations and retry once.
  async function withShadowSchema(engine, method, params) {
    try {
      return await engine[method](params);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/.test(error?.message)) throw error;
      const { migrationsList, filters } = params;
      await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
      return await engine[method](params);
    }
  }

  function datasourceUrl(params) {
    const source = params?.datasource;
    if (source?.tag === "ConnectionString" && source.url) return source.url;
    if (datasource.url) return datasource.url;
    throw new Error("createDatabase: no connection string available");
  }

  let queue = Promise.resolve();
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      log("ERROR", `Invalid JSON-RPC message: ${line.slice(0, 200)}`);
      return;
    }
    if (!message.method) return; // a response to one of our `print` requests
    queue = queue.then(() => handle(message));
  });
  input.on("close", () => queue.then(() => shutdown(0)));

  let shuttingDown;
  async function shutdown(code) {
    shuttingDown ??= (async () => {
      await Promise.race([disposeAll(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      process.exit(code);
    })();
    return shuttingDown;
  }
  // The CLI stops the engine by closing stdin and sending SIGTERM right away.
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => queue.then(() => shutdown(0)));
  process.on("uncaughtException", (error) => {
    log("ERROR", (isPanic(error) && lastPanicMessage) || (error?.stack ?? String(error)));
    shutdown(1);
  });
}

function isPanic(error) {
  return error instanceof WebAssembly.RuntimeError;
}

function toRpcError(error) {
  const message = (isPanic(error) && lastPanicMessage) || (error?.message ?? String(error));
  if (error?.rpcCode) return { code: error.rpcCode, message };
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: isPanic(error),
      message,
      ...(error?.code && { error_code: String(error.code) }),
      ...(error?.meta && { meta: error.meta }),
      ...(isPanic(error) && { error: { message } }),
    },
  };
}

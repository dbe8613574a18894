// Loads Prisma's Wasm schema engine: the .wasm shipped inside the installed `prisma` CLI
// (so it always matches the CLI's engines hash) plus the vendored wasm-bindgen glue.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import * as glue from "./schema-engine-glue.mjs";

const require = createRequire(import.meta.url);

export const wasmPath = path.join(
  path.dirname(require.resolve("prisma/package.json")),
  "build",
  "schema_engine_bg.wasm",
);

/** @type {Promise<typeof glue> | undefined} */
let loading;

/** Instantiates the Wasm module once and returns the glue module (`SchemaEngine`, `version`). */
export function loadSchemaEngine() {
  loading ??= instantiate();
  return loading;
}

/** The message of the last Rust panic (the Wasm panic hook reports it through this global). */
export let lastPanicMessage = "";
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanicMessage = `RuntimeError: ${message}`;
  },
};

async function instantiate() {
  const module = await WebAssembly.compile(await readFile(wasmPath));
  const missing = WebAssembly.Module.imports(module)
    .filter((i) => i.module !== "./schema_engine_bg.js" || typeof glue[i.name] !== "function")
    .map((i) => `${i.module}#${i.name}`);
  if (missing.length > 0) {
    throw new Error(
      `prisma/engine/schema-engine-glue.mjs does not match ${wasmPath} (prisma was upgraded?). ` +
        `Replace the glue with schema_engine_bg.js from the matching @prisma/schema-engine-wasm version. ` +
        `Missing imports: ${missing.join(", ")}`,
    );
  }
  const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": glue });
  const exports = /** @type {any} */ (instance.exports);
  glue.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return glue;
}

// ESLint flat config: typescript-eslint strict-type-checked, Next's rules (eslint-config-next: core-web-vitals, which
// brings react, react-hooks, jsx-a11y and import), run with `tsc --noEmit` by `npm test` (scripts/test-all.sh).
// Rules relaxed below carry a one-line reason each; everything else in the sets is on.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// ── Layers (docs/conventions.md "Layers"): imports point down, and these zones fail the lint when one points up. ──
// A zone says: files under `target` must not import anything under `from` (but `except`, relative to `from`).
// import/no-restricted-paths resolves every import (`@/…` and relative alike) to a file before it judges.
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });
const server = (...folders) => folders.map((f) => `./server/${f}`);
const LAYER_ZONES = [
  zone("./server", ["./app", "./components", "./inngest", "./prisma", "./scripts", "./bench"], "server/ is below pages, components and the Inngest functions: it never imports them."),
  zone("./server/domain", "./server", "server/domain is pure rules: nothing of server/ outside domain (no ports, Prisma, services, env).", ["./domain"]),
  zone("./server/ports", "./server", "A port is an interface over domain types: it imports nothing else of server/.", ["./ports", "./domain"]),
  zone("./server/adapters", server("services", "trpc", "jobs", "http", "auth", "actions", "db", "generated"), "Adapters implement ports: they never import services, the database or anything above them."),
  zone("./server/services", server("trpc", "http", "auth", "actions", "adapters"), "Services never import trpc, auth, http or actions (their callers), nor adapters: they receive their ports as parameters (server/ports/app-ports.ts)."),
  zone("./server/services", "./server/jobs", "Services reach the jobs only by emitting typed events: server/jobs/events.ts + send-events.ts.", ["./events.ts", "./send-events.ts"]),
  zone("./server/jobs", server("services", "trpc", "http", "auth", "actions"), "The job runtime runs the handlers instrumentation.ts gives it: it never imports services or anything above them."),
  zone("./inngest", [...server("trpc", "http", "auth", "actions", "adapters", "db"), "./app", "./components"], "Inngest functions are thin: services do the work; server/jobs/job-deps gives them the database and ports."),
  zone("./server/trpc", server("http", "actions"), "tRPC procedures call services; HTTP helpers and server actions belong to route handlers and forms."),
  zone("./server/trpc/routers", server("adapters", "db", "auth"), "A procedure passes ctx.db, ctx.scope and ctx.ports to a service; server/trpc/context.ts composes them."),
  zone("./server/http", "./server", "server/http holds plain HTTP helpers for route handlers: nothing above them (auth, services, the database).", ["./http", "./errors.ts", "./domain"]),
  zone("./server/auth", server("trpc", "actions", "jobs", "adapters"), "Auth loads the viewer (services) and guards pages and routes; it never imports what sits above it."),
  zone("./server/db", "./server", "The database client needs only env and the generated Prisma client.", ["./db", "./env.ts", "./generated"]),
  zone("./components", "./server", "Components reach the server through tRPC (components/trpc), server actions and the pure domain; services only for their types.", ["./domain", "./actions", "./trpc/router.ts", "./trpc/context.ts", "./services"]),
  zone("./components", ["./app", "./inngest", "./prisma"], "Components never import pages, jobs or the seed."),
  zone("./lib", ["./server", "./app", "./components", "./inngest"], "lib/ holds dependency-free helpers."),
];
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/*.test-helpers.ts", "tests/**", "e2e/**"];

export default defineConfig([
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    ".test-reports/**",
    "server/generated/**",
    "next-env.d.ts",
  ]),
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `x!` after a lookup the code has just guaranteed is this codebase's idiom under noUncheckedIndexedAccess.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Numbers and booleans in template strings (messages, keys, URLs) are intended.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // `onClick={() => setOpen(false)}` shorthand handlers are the JSX convention here.
      "@typescript-eslint/no-confusing-void-expression": "off",
      // Ports, route handlers and server actions stay `async` for one signature even when a body does not await.
      "@typescript-eslint/require-await": "off",
      // Defensive checks on rows, JSON and env the types claim are present; removing them buys nothing.
      "@typescript-eslint/no-unnecessary-condition": "off",
      // Redundant casts are harmless; removing ~30 of them would touch files other work edits (fix with --fix later).
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      // Inngest step results, Prisma Json columns and test doubles are `any` at the boundary; zod checks real inputs.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-class-instance-assignment": "off",
      // zod 4 deprecations (.finite(), flatten()) still work; migrating them is its own change.
      "@typescript-eslint/no-deprecated": "off",
      // `.catch((error) => log(error))` passes the value through without using its type.
      "@typescript-eslint/use-unknown-in-catch-callback-variable": "off",
      // FormData.get() values and fetch bodies are stringified on purpose (files are checked separately).
      "@typescript-eslint/no-base-to-string": "off",
      // Buffer + string concatenation in scripts and id helpers is intended.
      "@typescript-eslint/restrict-plus-operands": "off",
      // Spreading a string into code points is what the file-name and TTS helpers mean to do.
      "@typescript-eslint/no-misused-spread": "off",
      // async JSX handlers and test callbacks: their promise is handled inside (toast on error).
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false, arguments: false } }],
      // `(on ? set.add : set.delete)(x)` and `a && b()` statements are used deliberately.
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      // `_name` marks an intentionally unused binding; `{ a, ...rest }` drops `a` on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // Style-only findings in a few files (void on a promise-returning expression, Number(number), `${s}`, a generic).
      "@typescript-eslint/no-meaningless-void-operator": "off",
      "@typescript-eslint/no-unnecessary-type-conversion": "off",
      "@typescript-eslint/no-unnecessary-template-expression": "off",
      "@typescript-eslint/no-unnecessary-type-parameters": "off",
      // Removing a draft key from a form object by name is the point of use-script-form's helper.
      "@typescript-eslint/no-dynamic-delete": "off",
    },
  },
  {
    rules: {
      // React Compiler is not enabled in this build, so its rules ("cannot be memoized", setState in effects that sync
      // from sessionStorage/props, Date.now() in a server component) do not apply.
      "react-hooks/incompatible-library": "off",
      "react-hooks/set-state-in-effect": "off",
      "react-hooks/purity": "off",
      // The two regexes that strip control characters from file names say so with an eslint-disable line.
      "no-control-regex": "error",
    },
  },
  {
    // The layer zones above. Tests sit beside the code they test and may reach across layers to build their fixtures.
    files: ["**/*.{ts,tsx,mts,cts}"],
    ignores: TESTS,
    rules: { "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: LAYER_ZONES }] },
  },
  {
    // Components may import a service's types (inputs, rows), never its code: calls go through tRPC.
    files: ["components/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/server/services/*"], allowTypeImports: true, message: "Components call services through tRPC; import only their types." }] },
      ],
    },
  },
  {
    // server/domain is pure: no framework, database, network or clock of its own (time and zone are parameters).
    files: ["server/domain/**/*.ts"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "next", "next/*", "next-auth", "next-auth/*", "react", "react-dom", "server-only", "inngest", "pg", "node:*"],
              message: "server/domain is pure rules: no Prisma, Next, React, Inngest, database or Node I/O.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "fetch", message: "server/domain does no I/O: a service fetches and passes the result in." }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "server/domain reads no clock: take `now` as a parameter." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "server/domain reads no clock: take `now` as a parameter." },
      ],
    },
  },
  {
    // A Node loader shim for Prisma's schema engine, not Next code.
    files: ["prisma/engine/**"],
    rules: { "@next/next/no-assign-module-variable": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);

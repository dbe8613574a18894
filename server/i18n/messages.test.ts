import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "./locales";

const dir = path.join(process.cwd(), "server/i18n/messages");
const load = (locale: string) =>
  Object.fromEntries(
    readdirSync(path.join(dir, locale))
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f, JSON.parse(readFileSync(path.join(dir, locale, f), "utf8"))]),
  );

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("has the same files and keys in every locale", () => {
    const [base, ...others] = locales.map(load);
    for (const other of others) {
      expect(Object.keys(other!).sort()).toEqual(Object.keys(base!).sort());
      expect(keys(other).sort()).toEqual(keys(base).sort());
    }
  });
  it("keeps each file to the namespace it is named after", () => {
    for (const locale of locales) {
      for (const [file, content] of Object.entries(load(locale))) {
        expect(Object.keys(content as object)).toEqual([file.replace(/\.json$/, "")]);
      }
    }
  });
});

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

function entries(value: unknown, prefix = ""): [string, string][] {
  if (typeof value !== "object" || value === null) return [[prefix, String(value)]];
  return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** English copy that quotes Chinese on purpose: the words a patient says that the classifier reads. */
const QUOTES_CHINESE = new Set(["calls.json:calls.rule_assentMarketing"]);

describe("messages", () => {
  it("has the same files and keys in every locale", () => {
    const [base, ...others] = locales.map(load);
    for (const other of others) {
      expect(Object.keys(other!).sort()).toEqual(Object.keys(base!).sort());
      expect(keys(other).sort()).toEqual(keys(base).sort());
    }
  });
  it("has every zh-CN key in English, translated: no Chinese characters or full-width punctuation left", () => {
    const zh = load("zh-CN");
    const en = load("en");
    const missing: string[] = [];
    const untranslated: string[] = [];
    for (const [file, content] of Object.entries(zh)) {
      const english = new Map(entries(en[file]));
      for (const [key, value] of entries(content)) {
        const translated = english.get(key);
        if (translated === undefined) missing.push(`${file}:${key}`);
        else if (CJK.test(value) && translated === value) untranslated.push(`${file}:${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(untranslated).toEqual([]);
    const chinese = Object.entries(en).flatMap(([file, content]) =>
      entries(content)
        .filter(([key, value]) => CJK.test(value) && !QUOTES_CHINESE.has(`${file}:${key}`))
        .map(([key, value]) => `${file}:${key} = ${value}`),
    );
    expect(chinese).toEqual([]);
  });
  it("keeps each file to the namespace it is named after", () => {
    for (const locale of locales) {
      for (const [file, content] of Object.entries(load(locale))) {
        expect(Object.keys(content as object)).toEqual([file.replace(/\.json$/, "")]);
      }
    }
  });
});

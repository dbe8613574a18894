import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Locale } from "./locales";

const MESSAGES_DIR = path.join(process.cwd(), "server/i18n/messages");
const cache = new Map<Locale, Record<string, unknown>>();

/**
 * Messages live in one file per namespace (server/i18n/messages/<locale>/<namespace>.json), so features add
 * their copy without editing a shared file. Each file holds `{ "<namespace>": { … } }`.
 */
export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const dir = path.join(MESSAGES_DIR, locale);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const messages: Record<string, unknown> = {};
  for (const file of files) Object.assign(messages, JSON.parse(await readFile(path.join(dir, file), "utf8")));
  cache.set(locale, messages);
  return messages;
}

/**
 * The script studio's catalogue: voices (音色) and preset templates (话术模版), written from the definitions in
 * server/domain/templates. Idempotent: presets are created or brought up to date; audio is synthesised lazily on first
 * request (server/services/audio), so seeding stays fast.
 */
import type { Prisma } from "../../server/generated/prisma/client";
import { PRESET_TEMPLATES } from "../../server/domain/templates/catalog";
import type { ScriptTemplateDefinition } from "../../server/domain/templates/template-types";
import { VOICES } from "../../server/domain/templates/voices";
import type { SeedDb } from "./db";

export interface SeedCatalogResult {
  voices: number;
  templates: number;
}

export async function seedCatalog(db: SeedDb): Promise<SeedCatalogResult> {
  const voiceIds = new Map<string, string>();
  for (const v of VOICES) {
    const data = { name: v.name, avatarUrl: v.avatar, gender: v.gender, style: v.style, sortOrder: v.sortOrder };
    const row = await db.voice.upsert({ where: { key: v.key }, create: { key: v.key, ...data }, update: data, select: { id: true } });
    voiceIds.set(v.key, row.id);
  }
  for (const t of PRESET_TEMPLATES) await upsertTemplate(db, null, t, voiceIds);
  return { voices: VOICES.length, templates: PRESET_TEMPLATES.length };
}

/** (companyId, key) cannot be upserted while companyId is NULL, so presets are looked up first. */
export async function upsertTemplate(db: SeedDb, companyId: string | null, t: ScriptTemplateDefinition, voiceIds?: Map<string, string>) {
  const voiceId = voiceIds?.get(t.voiceKey) ?? (await db.voice.findUnique({ where: { key: t.voiceKey }, select: { id: true } }))?.id ?? null;
  const data = {
    kind: t.kind,
    name: t.name,
    category: t.category,
    description: t.description,
    paramSchema: t.params as unknown as Prisma.InputJsonValue,
    scenarios: t.scenarios as unknown as Prisma.InputJsonValue,
    intents: t.intents as unknown as Prisma.InputJsonValue,
    body: t.body ?? null,
    voiceId,
    sortOrder: t.sortOrder,
  };
  const existing = await db.scriptTemplate.findFirst({ where: { companyId, key: t.key }, select: { id: true } });
  if (existing) return db.scriptTemplate.update({ where: { id: existing.id }, data });
  return db.scriptTemplate.create({ data: { companyId, key: t.key, ...data } });
}

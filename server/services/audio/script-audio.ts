import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { renderFixedScript } from "@/server/domain/templates/compose-dialogues";
import { checkParams, clinicParamKeys } from "@/server/domain/templates/params";
import { VOICE_LIMITS } from "@/server/domain/templates/voices";
import { AppError } from "@/server/errors";
import type { ObjectStorage, StoredObject } from "@/server/ports/storage";
import type { TtsPort } from "@/server/ports/tts";
import { getScriptDialogues } from "@/server/services/scripts/get-script-dialogues";
import { loadTemplate } from "@/server/services/scripts/template-view";
import { visibleScript } from "@/server/services/scripts/visible-script";
import type { Scope } from "@/server/domain/auth/scope";
import { ensureSpeech, speechHash } from "./speech-cache";

const voiceFields = {
  voiceId: z.string().min(1).nullish(),
  voiceSpeed: z.number().int().min(VOICE_LIMITS.speed.min).max(VOICE_LIMITS.speed.max).default(VOICE_LIMITS.speed.default),
  voicePitch: z.number().int().min(VOICE_LIMITS.pitch.min).max(VOICE_LIMITS.pitch.max).default(VOICE_LIMITS.pitch.default),
  voiceVolume: z.number().int().min(VOICE_LIMITS.volume.min).max(VOICE_LIMITS.volume.max).default(VOICE_LIMITS.volume.default),
};

/** 立即试听: a saved fixed script, or the form as it is now (template + parameters + voice). */
export const scriptAudioInput = z.union([
  z.object({ scriptId: z.string().min(1) }),
  z.object({ templateId: z.string().min(1, "请选择话术模版"), params: z.record(z.string(), z.string()).default({}), ...voiceFields }),
]);

const HASH = /^[a-f0-9]{32}$/;
const storageKey = (companyId: string, hash: string) => `tts/${companyId}/${hash}.mp3`;

/** Renders the fixed script's text to mp3 (cached per company and content) and tells where to fetch it. */
export async function renderScriptAudio(db: Tx, scope: Scope, raw: z.input<typeof scriptAudioInput>, ports: { storage: ObjectStorage; tts: TtsPort }) {
  const input = scriptAudioInput.parse(raw);
  let text: string;
  let voice: { id: string | null | undefined; speed: number; pitch: number; volume: number };
  if ("scriptId" in input) {
    const script = await db.script.findFirst({
      where: { id: input.scriptId, ...visibleScript(scope) },
      select: { id: true, kind: true, voiceId: true, voiceSpeed: true, voicePitch: true, voiceVolume: true },
    });
    if (!script) throw AppError.notFound("话术");
    if (script.kind !== "fixed") throw new AppError("BAD_REQUEST", "AI话术请查看外呼预览");
    text = (await getScriptDialogues(db, scope.companyId, script.id)).text ?? "";
    voice = { id: script.voiceId, speed: script.voiceSpeed, pitch: script.voicePitch, volume: script.voiceVolume };
  } else {
    const template = await loadTemplate(db, scope, input.templateId);
    if (template.kind !== "fixed") throw new AppError("BAD_REQUEST", "AI话术请先生成外呼预览");
    const { values, errors } = checkParams(template.params, input.params);
    if (Object.keys(errors).length > 0) throw new AppError("BAD_REQUEST", `试听前${Object.values(errors).join("；")}`);
    const clinicId = clinicParamKeys(template.params).map((k) => values[k]).find(Boolean);
    const clinic = clinicId
      ? await db.clinic.findFirst({ where: { id: clinicId, companyId: scope.companyId, AND: { id: { in: scope.clinicIds } } }, select: { shortName: true, address: true } })
      : null;
    if (clinicId && !clinic) throw AppError.notFound("门店");
    text = renderFixedScript(template, values, clinic).text;
    voice = { id: input.voiceId ?? template.defaultVoiceId, speed: input.voiceSpeed, pitch: input.voicePitch, volume: input.voiceVolume };
  }
  if (!text.trim()) throw new AppError("BAD_REQUEST", "话术内容为空，无法试听");
  const voiceRow = voice.id ? await db.voice.findUnique({ where: { id: voice.id }, select: { key: true } }) : null;
  const settings = { voiceKey: voiceRow?.key ?? "xiaoya", speed: voice.speed, pitch: voice.pitch, volume: voice.volume };
  const hash = speechHash(text, settings);
  await ensureSpeech(ports.storage, ports.tts, storageKey(scope.companyId, hash), text, settings);
  return { url: `/api/outbound/audio/${hash}`, text };
}

/** The route handler's read: only the caller's company's rendered audio. */
export async function readScriptAudio(storage: ObjectStorage, companyId: string, hash: string): Promise<StoredObject | null> {
  if (!HASH.test(hash)) return null;
  return storage.get(storageKey(companyId, hash));
}

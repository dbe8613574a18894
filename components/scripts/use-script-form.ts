"use client";

import { useState } from "react";
import type { ScenarioDialogue } from "@/server/domain/templates/dialogue";
import { checkParams, clinicParamKeys, defaultParams } from "@/server/domain/templates/params";
import { VOICE_LIMITS } from "@/server/domain/templates/voices";
import type { ClinicOption, ScriptDetail, TemplateView } from "./script-editor-types";

export interface ScriptFormState {
  name: string;
  templateId: string;
  params: Record<string, string>;
  clinicIds: string[];
  scenarios: ScenarioDialogue[] | null;
  voiceId: string | null;
  voiceSpeed: number;
  voicePitch: number;
  voiceVolume: number;
  hangupSmsEnabled: boolean;
  hangupSmsAnsweredTemplateId: string | null;
  hangupSmsUnansweredTemplateId: string | null;
  journeyOnly: boolean;
}

/** A new script starts from the template's defaults, the first opened clinic as 门店参数, every opened clinic applicable. */
export function templateDefaults(template: TemplateView | undefined, clinics: ClinicOption[]) {
  const params = template ? defaultParams(template.params) : {};
  const firstOpened = clinics.find((c) => c.opened) ?? clinics[0];
  if (template && firstOpened) for (const key of clinicParamKeys(template.params)) params[key] ??= firstOpened.id;
  return { params, voiceId: template?.defaultVoiceId ?? null };
}

function initialState(args: { script?: ScriptDetail; template?: TemplateView; clinics: ClinicOption[]; fallbackVoiceId: string | null }): ScriptFormState {
  const { script, template, clinics } = args;
  if (script) {
    return {
      name: script.name,
      templateId: script.template.id,
      params: script.params,
      clinicIds: script.clinics.map((c) => c.id),
      scenarios: script.preview?.scenarios ?? null,
      voiceId: script.voiceId,
      voiceSpeed: script.voiceSpeed,
      voicePitch: script.voicePitch,
      voiceVolume: script.voiceVolume,
      hangupSmsEnabled: script.hangupSmsEnabled,
      hangupSmsAnsweredTemplateId: script.hangupSmsAnsweredTemplateId,
      hangupSmsUnansweredTemplateId: script.hangupSmsUnansweredTemplateId,
      journeyOnly: script.journeyOnly,
    };
  }
  const defaults = templateDefaults(template, clinics);
  return {
    name: "",
    templateId: template?.id ?? "",
    params: defaults.params,
    clinicIds: clinics.filter((c) => c.opened).map((c) => c.id),
    scenarios: null,
    voiceId: defaults.voiceId ?? args.fallbackVoiceId,
    voiceSpeed: VOICE_LIMITS.speed.default,
    voicePitch: VOICE_LIMITS.pitch.default,
    voiceVolume: VOICE_LIMITS.volume.default,
    hangupSmsEnabled: false,
    hangupSmsAnsweredTemplateId: null,
    hangupSmsUnansweredTemplateId: null,
    journeyOnly: false,
  };
}

/** The editor's state: the form, which AI lines were edited by hand, and field errors. */
export function useScriptForm(args: Parameters<typeof initialState>[0]) {
  const [form, setForm] = useState<ScriptFormState>(() => initialState(args));
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});

  const patch = (p: Partial<ScriptFormState>) => {
    setForm((f) => ({ ...f, ...p }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(p)) delete next[k];
      return next;
    });
  };

  const setParam = (key: string, value: string) => {
    setForm((f) => ({ ...f, params: { ...f.params, [key]: value } }));
    setErrors((e) => {
      const { [`param.${key}`]: _drop, ...rest } = e;
      return rest;
    });
  };

  const editLine = (scenarioKey: string, round: number, text: string) => {
    setForm((f) => ({
      ...f,
      scenarios:
        f.scenarios?.map((s) => (s.key === scenarioKey ? { ...s, rounds: s.rounds.map((r, i) => (i === round ? { ...r, ai: text } : r)) } : s)) ?? null,
    }));
    setEdited((e) => new Set(e).add(`${scenarioKey}#${round}`));
  };

  const setScenarios = (scenarios: ScenarioDialogue[] | null) => {
    setForm((f) => ({ ...f, scenarios }));
    setEdited(new Set());
  };

  /** Client-side check of the parameters before generating or saving; the server checks again. */
  const checkParamErrors = (template: TemplateView | undefined) => {
    if (!template) return false;
    const res = checkParams(template.params, form.params);
    const paramErrors = Object.fromEntries(Object.entries(res.errors).map(([k, v]) => [`param.${k}`, v]));
    setErrors((e) => ({ ...Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("param."))), ...paramErrors }));
    return Object.keys(paramErrors).length === 0;
  };

  const paramErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith("param.")).map(([k, v]) => [k.slice(6), v]));

  return { form, setForm, patch, setParam, editLine, setScenarios, edited, errors, setErrors, paramErrors, checkParamErrors };
}

"use client";

import { useTranslations } from "next-intl";
import { Loader2, Volume2 } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { VOICE_LIMITS } from "@/server/domain/templates/voices";
import { cn } from "@/lib/utils";
import { useAudioPlayer } from "./use-audio-player";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

export interface VoiceOption {
  id: string;
  key: string;
  name: string;
  avatarUrl: string | null;
  gender: "male" | "female" | "unknown";
  style: string;
  sampleUrl: string;
}

export interface VoiceSettings {
  voiceId: string | null;
  voiceSpeed: number;
  voicePitch: number;
  voiceVolume: number;
}

/** 选择音色: 音色名称 and 音色头像; clicking a voice selects it and plays its sample. Then 语速 / 语调 / 音量. */
export function VoicePicker({
  voices,
  recommendedId,
  value,
  onChange,
  disabled,
}: {
  voices: VoiceOption[];
  recommendedId: string | null;
  value: VoiceSettings;
  onChange: (patch: Partial<VoiceSettings>) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("scripts");
  const word = useVocabulary();
  const player = useAudioPlayer(() => toast.error(t("audioFailed")));
  const sliders = [
    { key: "voiceSpeed", label: t("speed"), limits: VOICE_LIMITS.speed, unit: "%" },
    { key: "voicePitch", label: t("pitch"), limits: VOICE_LIMITS.pitch, unit: "" },
    { key: "voiceVolume", label: t("volume"), limits: VOICE_LIMITS.volume, unit: "%" },
  ] as const;
  return (
    <div className="space-y-4">
      <p className="text-xs text-muted-foreground">{t("voiceHint")}</p>
      <div className="grid gap-2 sm:grid-cols-2 2xl:grid-cols-3" role="radiogroup" aria-label={t("sectionVoice")}>
        {voices.map((v) => {
          const selected = value.voiceId === v.id;
          const busy = player.loading === v.id;
          const playing = player.playing === v.id;
          return (
            <button
              key={v.id}
              type="button"
              role="radio"
              aria-checked={selected}
              data-testid={`voice-${v.key}`}
              onClick={() => {
                if (!disabled) onChange({ voiceId: v.id });
                if (playing) player.stop();
                else player.play(v.id, v.sampleUrl);
              }}
              className={cn(
                "flex items-center gap-3 rounded-lg border p-2.5 text-left transition-colors hover:bg-accent",
                selected && "border-primary bg-primary/5 ring-1 ring-primary",
              )}
            >
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={v.avatarUrl ?? "/voices/xiaoya.svg"} alt="" className="size-10 shrink-0 rounded-full" />
              <span className="min-w-0 flex-1">
                <span className="flex items-center gap-1.5 font-medium whitespace-nowrap">
                  {word(v.name)}
                  {recommendedId === v.id && (
                    <Badge variant="secondary" className="px-1 py-0 text-[10px]">
                      {t("voiceRecommended")}
                    </Badge>
                  )}
                </span>
                <span className="block truncate text-xs text-muted-foreground">
                  {t(`gender_${v.gender}`)} · {word(v.style)}
                </span>
              </span>
              {busy ? (
                <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label={t("rendering")} />
              ) : (
                <Volume2 className={cn("size-4", playing ? "animate-pulse text-primary" : "text-muted-foreground")} aria-label={t("play")} />
              )}
            </button>
          );
        })}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        {sliders.map((s) => (
          <div key={s.key} className="space-y-1">
            <Label htmlFor={s.key} className="flex justify-between text-xs">
              <span>{s.label}</span>
              <span className="tabular-nums text-muted-foreground">
                {value[s.key]}
                {s.unit}
              </span>
            </Label>
            <input
              id={s.key}
              type="range"
              min={s.limits.min}
              max={s.limits.max}
              step={5}
              value={value[s.key]}
              disabled={disabled}
              onChange={(e) => onChange({ [s.key]: Number(e.target.value) })}
              className="w-full accent-primary"
            />
          </div>
        ))}
      </div>
    </div>
  );
}

"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Headphones, Loader2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc/client";
import { renderFixedScript } from "@/server/domain/templates/compose-dialogues";
import { checkParams, clinicParamKeys } from "@/server/domain/templates/params";
import type { TemplateView } from "./script-editor-types";
import type { VoiceSettings } from "./voice-picker";

/**
 * 话术内容 of a fixed script, as it will be spoken: parameters substituted, 门店参数 read from the clinic's current
 * 诊所简称/地址. 【立即试听】 renders it to mp3 on the server and plays it.
 */
export function FixedScriptContent({
  template,
  params,
  clinics,
  voice,
}: {
  template: TemplateView;
  params: Record<string, string>;
  clinics: { id: string; shortName: string; address: string }[];
  voice: VoiceSettings;
}) {
  const t = useTranslations("scripts");
  const tcommon = useTranslations("common");
  const trpc = useTRPC();
  const [audioUrl, setAudioUrl] = useState<string | null>(null);
  const { values, errors } = checkParams(template.params, params);
  const clinicId = clinicParamKeys(template.params).map((k) => values[k]).find(Boolean);
  const clinic = clinics.find((c) => c.id === clinicId) ?? null;
  const { text } = renderFixedScript(template, values, clinic);
  const complete = Object.keys(errors).length === 0;
  const highlights = [...Object.entries(values).filter(([k]) => k !== clinicParamKeys(template.params)[0]).map(([, v]) => v), clinic?.shortName, clinic?.address]
    .filter((v): v is string => Boolean(v))
    .sort((a, b) => b.length - a.length);

  const render = useMutation(
    trpc.scripts.audio.mutationOptions({
      onSuccess: (res) => setAudioUrl(res.url),
      onError: (e) => toast.error(e.message),
    }),
  );

  return (
    <div className="space-y-3">
      <div className="rounded-lg border bg-muted/40 p-3 text-sm leading-relaxed" data-testid="fixed-content">
        <Highlighted text={text} words={highlights} />
      </div>
      <p className="text-xs text-muted-foreground">{t("contentHint")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="outline"
          disabled={render.isPending}
          onClick={() => {
            if (!complete) return toast.error(t("fixParams", { errors: Object.values(errors).join(tcommon("sentenceSeparator")) }));
            render.mutate({ templateId: template.id, params: values, voiceId: voice.voiceId, voiceSpeed: voice.voiceSpeed, voicePitch: voice.voicePitch, voiceVolume: voice.voiceVolume });
          }}
          data-testid="listen-now"
        >
          {render.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Headphones aria-hidden />}
          {render.isPending ? t("rendering") : t("listen")}
        </Button>
        {audioUrl && (
          <audio
            key={audioUrl}
            src={audioUrl}
            controls
            autoPlay
            preload="auto"
            className="h-9 max-w-full"
            data-testid="script-audio"
            onError={() => toast.error(t("audioFailed"))}
          />
        )}
      </div>
    </div>
  );
}

function Highlighted({ text, words }: { text: string; words: string[] }) {
  if (words.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "g");
  return (
    <>
      {text.split(pattern).map((part, i) =>
        words.includes(part) ? (
          <mark key={i} className="rounded bg-primary/10 px-0.5 text-primary">
            {part}
          </mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

"use client";

import { useRef } from "react";
import { Download, Pause, Play } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

interface Track {
  id: string;
  side: "patient" | "agent";
  src: string | null;
  downloadHref: string | null;
}

/**
 * A call without a whole-call recording whose carrier recorded each participant (Tencent CCC 录音数据推送): one player
 * per side, labelled with the side, and 同时播放 plays them together from the same point — the browser mixes them.
 */
export function RecordingTracks({ tracks }: { tracks: Track[] }) {
  const t = useTranslations("calls");
  const players = useRef<(HTMLAudioElement | null)[]>([]);
  const playable = tracks.filter((tr) => tr.src);
  if (playable.length === 0) return <p className="text-sm text-muted-foreground">{t("recordingForbidden")}</p>;
  const all = () => players.current.filter((p): p is HTMLAudioElement => p !== null);
  const playBoth = () => {
    const list = all();
    const at = Math.min(...list.map((p) => p.currentTime));
    for (const p of list) {
      p.currentTime = at;
      void p.play();
    }
  };
  return (
    <div className="space-y-2" data-testid="recording-tracks">
      <p className="text-xs text-muted-foreground">{t("tracksHint")}</p>
      {playable.map((tr, i) => (
        <div key={tr.id} className="flex items-center gap-3" data-testid={`recording-track-${tr.side}`}>
          <span className="w-16 shrink-0 text-sm">{t(`track_${tr.side}`)}</span>
          <audio
            ref={(el) => {
              players.current[i] = el;
            }}
            controls
            preload="metadata"
            src={tr.src!}
            className="h-10 flex-1"
            aria-label={t(`track_${tr.side}`)}
          >
            {t("audioUnsupported")}
          </audio>
          <Button variant="outline" size="sm" asChild>
            <a href={tr.downloadHref ?? undefined} download aria-label={`${t("downloadRecording")} ${t(`track_${tr.side}`)}`}>
              <Download className="size-4" />
            </a>
          </Button>
        </div>
      ))}
      {playable.length > 1 ? (
        <div className="flex gap-2">
          <Button type="button" variant="outline" size="sm" onClick={playBoth} data-testid="tracks-play-both">
            <Play className="size-4" /> {t("tracksPlayBoth")}
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={() => all().forEach((p) => p.pause())}>
            <Pause className="size-4" /> {t("tracksPause")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

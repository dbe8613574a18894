"use client";

import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Eye, Loader2, Play, Square } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialoguePreview } from "@/components/scripts/dialogue-preview";
import { useAudioPlayer } from "@/components/scripts/use-audio-player";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/lib/utils";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

export interface CallableScript {
  id: string;
  name: string;
  kind: "ai" | "fixed";
  templateName: string;
}

/** One choice of the script picker: the eye button previews an AI script's scenarios, the play button plays a fixed one. */
export function ScriptOption({ script, selected, onSelect }: { script: CallableScript; selected: boolean; onSelect: () => void }) {
  const t = useTranslations("batchCall");
  const word = useVocabulary();
  const trpc = useTRPC();
  const [previewOpen, setPreviewOpen] = useState(false);
  const player = useAudioPlayer(() => toast.error(t("audioFailed")));
  const render = useMutation(trpc.scripts.audio.mutationOptions({ onSuccess: (r) => player.play(script.id, r.url), onError: (e) => toast.error(e.message) }));
  const dialogues = useQuery({ ...trpc.batchCall.scriptDialogues.queryOptions({ scriptId: script.id }), enabled: previewOpen });
  const playing = player.playing === script.id;
  const busy = render.isPending || player.loading === script.id;

  return (
    <div
      className={cn("flex items-center gap-2 rounded-md border p-2 transition-colors", selected ? "border-primary bg-primary/5" : "hover:bg-accent")}
      data-testid="script-option"
    >
      {script.kind === "ai" ? (
        <Button type="button" size="icon" variant="ghost" aria-label={t("previewScript")} title={t("previewScript")} onClick={() => setPreviewOpen(true)} data-testid="script-eye">
          <Eye className="size-4" />
        </Button>
      ) : (
        <Button
          type="button"
          size="icon"
          variant="ghost"
          aria-label={playing ? t("stopListening") : t("listen")}
          title={playing ? t("stopListening") : t("listen")}
          disabled={busy}
          onClick={() => (playing ? player.stop() : render.mutate({ scriptId: script.id }))}
          data-testid="script-play"
        >
          {busy ? <Loader2 className="size-4 animate-spin" /> : playing ? <Square className="size-4" /> : <Play className="size-4" />}
        </Button>
      )}
      <label className="flex flex-1 cursor-pointer items-center gap-2">
        <input type="radio" name="script" className="accent-primary" checked={selected} onChange={onSelect} aria-label={script.name} />
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium">{script.name}</span>
          <span className="block truncate text-xs text-muted-foreground">{word(script.templateName)}</span>
        </span>
        <Badge variant="outline">{t(`kind_${script.kind}`)}</Badge>
      </label>
      <Dialog open={previewOpen} onOpenChange={setPreviewOpen}>
        <DialogContent className="max-h-[85vh] overflow-y-auto sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>{t("previewTitle", { name: script.name })}</DialogTitle>
          </DialogHeader>
          {dialogues.isPending ? (
            <Loader2 className="mx-auto size-5 animate-spin text-muted-foreground" />
          ) : dialogues.error ? (
            <p className="text-sm text-destructive">{dialogues.error.message}</p>
          ) : dialogues.data.scenarios.length ? (
            <DialoguePreview scenarios={dialogues.data.scenarios} intents={dialogues.data.intents} values={{}} editable={false} edited={new Set()} onEditLine={() => undefined} />
          ) : (
            <p className="text-sm text-muted-foreground">{t("previewEmpty")}</p>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}

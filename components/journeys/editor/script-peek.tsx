"use client";

import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Eye, Headphones, Loader2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialoguePreview } from "@/components/scripts/dialogue-preview";
import { useTRPC } from "@/components/trpc/client";

/** Inline 试听 for a fixed script (its rendered audio) and 预览 for an AI script (its dialogue), as on the calling pages. */
export function ScriptPeek({ script }: { script: { id: string; name: string; kind: "ai" | "fixed" } }) {
  const t = useTranslations("journeys");
  const trpc = useTRPC();
  const [audioUrl, setAudioUrl] = useState<string | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const render = useMutation(trpc.scripts.audio.mutationOptions({ onSuccess: (r) => setAudioUrl(r.url), onError: (e) => toast.error(e.message) }));
  const detail = useQuery({ ...trpc.scripts.byId.queryOptions({ id: script.id }), enabled: previewOpen });

  if (script.kind === "fixed") {
    return (
      <div className="space-y-2">
        <Button type="button" variant="outline" size="sm" disabled={render.isPending} onClick={() => render.mutate({ scriptId: script.id })} data-testid="script-listen">
          {render.isPending ? <Loader2 className="size-4 animate-spin" /> : <Headphones className="size-4" />}
          {t("listen")}
        </Button>
        {audioUrl ? <audio key={audioUrl} src={audioUrl} controls autoPlay className="h-9 w-full" onError={() => toast.error(t("audioFailed"))} /> : null}
      </div>
    );
  }
  return (
    <>
      <Button type="button" variant="outline" size="sm" onClick={() => setPreviewOpen(true)} data-testid="script-preview">
        <Eye className="size-4" /> {t("preview")}
      </Button>
      <Dialog open={previewOpen} onOpenChange={setPreviewOpen}>
        <DialogContent className="max-h-[85vh] overflow-y-auto sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>{t("previewTitle", { name: script.name })}</DialogTitle>
          </DialogHeader>
          {detail.isLoading ? (
            <Loader2 className="mx-auto size-5 animate-spin text-muted-foreground" />
          ) : detail.error ? (
            <p className="text-sm text-destructive">{detail.error.message}</p>
          ) : detail.data?.preview ? (
            <DialoguePreview scenarios={detail.data.preview.scenarios} intents={detail.data.preview.intents} values={{}} editable={false} edited={new Set()} onEditLine={() => undefined} />
          ) : (
            <p className="text-sm text-muted-foreground">{t("previewEmpty")}</p>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}

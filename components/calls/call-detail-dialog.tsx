"use client";

import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/lib/utils";
import { formatDuration, formatInZone } from "./format-time";
import { OutcomeBadge } from "./outcome-badge";
import { CallAnalysisSection } from "./call-analysis-section";
import { CallIntentReview } from "./call-intent-review";
import { useVocabulary } from "@/components/i18n/use-vocabulary";
import { RecordingTracks } from "./recording-tracks";

/** 通话详情: the recording player, the conversation as bubbles by round, intent and times. Shared by 话单记录 and timelines. */
export function CallDetailDialog({ callId, onOpenChange }: { callId: string | null; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("calls");
  const word = useVocabulary();
  const trpc = useTRPC();
  const detail = useQuery({ ...trpc.callRecords.byId.queryOptions({ id: callId ?? "" }), enabled: !!callId });
  const call = detail.data;
  const unit = { min: t("minutes"), sec: t("seconds") };
  const yesNo = (v: boolean | null) => (v === null ? "—" : v ? t("yes") : t("no"));

  return (
    <Dialog open={!!callId} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl" data-testid="call-detail">
        <DialogHeader>
          <DialogTitle>{t("detailTitle")}</DialogTitle>
          <DialogDescription>{call ? `${call.patient.name} · ${call.mobile} · ${call.script.name}` : t("detailTitle")}</DialogDescription>
        </DialogHeader>
        {detail.isError ? (
          <Alert variant="destructive">
            <AlertDescription>{detail.error.message || t("loadFailed")}</AlertDescription>
          </Alert>
        ) : !call ? (
          <div className="space-y-3">
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-40 w-full" />
          </div>
        ) : (
          <div className="space-y-4">
            <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
              <Field label={t("outcome")}>
                <OutcomeBadge outcome={call.outcome} />
              </Field>
              <Field label={t("intent")}>{call.intentLabel ? <Badge variant="secondary">{word(call.intentLabel)}</Badge> : "—"}</Field>
              <Field label={t("clinic")}>{call.clinic.shortName}</Field>
              <Field label={t("startedAt")}>{formatInZone(call.dialedAt, call.clinic.timezone)}</Field>
              <Field label={t("answeredAt")}>{formatInZone(call.answeredAt, call.clinic.timezone)}</Field>
              <Field label={t("endedAt")}>{formatInZone(call.endedAt, call.clinic.timezone)}</Field>
              <Field label={t("duration")}>{formatDuration(call.durationSec, unit)}</Field>
              <Field label={t("rounds")}>
                <span data-testid="call-rounds">{call.rounds}</span>
              </Field>
              <Field label={t("attemptLabel")}>{t("attempt", { attempt: call.attempt })}</Field>
              {call.transferredTo ? (
                <Field label={t("transferredTo")}>
                  <span data-testid="call-transferred">{t("transferredToValue", { to: call.transferredTo })}</span>
                  {call.transferAnswered !== null ? (
                    <Badge variant={call.transferAnswered ? "secondary" : "destructive"} className="ml-2" data-testid="call-transfer-answered">
                      {t(call.transferAnswered ? "transferAnswered" : "transferUnanswered")}
                    </Badge>
                  ) : null}
                </Field>
              ) : null}
            </dl>

            {call.vendorExtraction ? (
              <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-md border p-3 text-sm sm:grid-cols-3" data-testid="call-vendor-extraction">
                <Field label={t("extractAgreed")}>{yesNo(call.vendorExtraction.agreedToBook)}</Field>
                <Field label={t("extractTime")}>{call.vendorExtraction.preferredTime ?? "—"}</Field>
                <Field label={t("extractCallback")}>{yesNo(call.vendorExtraction.callbackRequested)}</Field>
              </dl>
            ) : null}

            {call.outcome ? <CallIntentReview key={`${call.id}:${call.intent}`} call={call} /> : null}

            {call.outcome ? (
              <CallAnalysisSection
                callId={call.id}
                scriptId={call.script.id}
                analysis={call.analysis}
                timezone={call.clinic.timezone}
                canReanalyze={call.canReanalyze}
              />
            ) : null}

            <section className="space-y-2">
              <h3 className="text-sm font-medium">{t("recording")}</h3>
              {!call.recording && call.recordingTracks.length > 0 ? (
                <RecordingTracks tracks={call.recordingTracks} />
              ) : !call.recording ? (
                <p className="text-sm text-muted-foreground">{t("noRecording")}</p>
              ) : !call.recording.src ? (
                <p className="text-sm text-muted-foreground">{t("recordingForbidden")}</p>
              ) : (
                <div className="flex items-center gap-3">
                  <audio controls preload="metadata" src={call.recording.src} className="h-10 flex-1" data-testid="call-audio">
                    {t("audioUnsupported")}
                  </audio>
                  <Button variant="outline" size="sm" asChild>
                    <a href={call.recording.downloadHref ?? undefined} download>
                      <Download className="size-4" /> {t("downloadRecording")}
                    </a>
                  </Button>
                </div>
              )}
            </section>

            <section className="space-y-2">
              <h3 className="text-sm font-medium">{t("transcript")}</h3>
              {call.transcript.length === 0 ? (
                <p className="text-sm text-muted-foreground" data-testid={call.transcriptPending ? "transcript-pending" : undefined}>
                  {call.transcriptPending ? t("transcriptPending") : t("noTranscript")}
                </p>
              ) : (
                <ScrollArea className="h-72 rounded-md border bg-muted/30 p-3">
                  <ol className="space-y-4" data-testid="call-transcript">
                    {call.transcript.map((round, n) => (
                      <li key={n} className="space-y-2" data-testid={round.index === null ? "transcript-unanswered" : "transcript-round"}>
                        <div className="text-center text-xs text-muted-foreground">
                          {round.index === null ? t("roundUnanswered") : t("round", { index: round.index })}
                        </div>
                        {round.turns.map((turn, i) => (
                          <div key={i} className={cn("flex", turn.speaker === "ai" ? "justify-start" : "justify-end")}>
                            <div
                              className={cn(
                                "max-w-[80%] rounded-lg px-3 py-2 text-sm",
                                turn.speaker === "ai" ? "bg-primary text-primary-foreground" : "border bg-background",
                                turn.speaker === "patient" && call.trigger === turn.text && "border-2 border-red-400 bg-red-50 font-medium",
                              )}
                              data-testid={turn.speaker === "patient" && call.trigger === turn.text ? "transcript-trigger" : undefined}
                            >
                              <div className="mb-0.5 text-[10px] opacity-70">{t(turn.speaker === "ai" ? "speakerAi" : "speakerPatient")}</div>
                              <span lang="zh-CN">{turn.text}</span>
                            </div>
                          </div>
                        ))}
                      </li>
                    ))}
                  </ol>
                </ScrollArea>
              )}
            </section>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

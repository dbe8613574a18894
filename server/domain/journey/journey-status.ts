/** draft → published ⇄ paused → ended. Ended is final; only drafts and paused journeys may be edited or deleted (drafts). */
export type JourneyStatus = "draft" | "published" | "paused" | "ended";
export type JourneyAction = "publish" | "pause" | "resume" | "end";

export const JOURNEY_STATUS_LABELS: Record<JourneyStatus, string> = {
  draft: "草稿",
  published: "已发布",
  paused: "已暂停",
  ended: "已结束",
};

const TRANSITIONS: Record<JourneyAction, { from: JourneyStatus[]; to: JourneyStatus }> = {
  publish: { from: ["draft"], to: "published" },
  pause: { from: ["published"], to: "paused" },
  resume: { from: ["paused"], to: "published" },
  end: { from: ["published", "paused"], to: "ended" },
};

export function transition(status: JourneyStatus, action: JourneyAction): JourneyStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

export function canEditGraph(status: JourneyStatus): boolean {
  return status === "draft" || status === "paused";
}

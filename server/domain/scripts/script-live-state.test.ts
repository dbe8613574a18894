import { describe, expect, it } from "vitest";
import { scriptIsLive, scriptLiveState } from "./script-live-state";

const base = { pauseReason: null, pending: 42, calling: 0, inWindow: false } as const;

describe("scriptLiveState", () => {
  it("never says a paused script's tasks wait for the calling window: they wait for the script", () => {
    expect(scriptLiveState({ ...base, status: "paused", pauseReason: "manual" })).toEqual({ kind: "paused", reason: "manual", pending: 42 });
    expect(scriptLiveState({ ...base, status: "paused", pauseReason: "insufficientBalance", inWindow: true })).toEqual({
      kind: "paused",
      reason: "insufficientBalance",
      pending: 42,
    });
  });

  it("says a stopped script calls nobody", () => {
    expect(scriptLiveState({ ...base, status: "stopped" })).toEqual({ kind: "stopped" });
  });

  it("tells an enabled script calling from one waiting for the window, and one with nothing left", () => {
    expect(scriptLiveState({ ...base, status: "enabled", inWindow: true })).toEqual({ kind: "calling" });
    expect(scriptLiveState({ ...base, status: "enabled" })).toEqual({ kind: "waitingWindow" });
    expect(scriptLiveState({ ...base, status: "enabled", pending: 0, calling: 2 })).toEqual({ kind: "calling" });
    expect(scriptLiveState({ ...base, status: "enabled", pending: 0, inWindow: true })).toEqual({ kind: "idle" });
  });

  it("keeps refreshing while calls are under way, even after a pause", () => {
    const paused = scriptLiveState({ ...base, status: "paused", pauseReason: "manual", calling: 1 });
    expect(scriptIsLive(paused, 1)).toBe(true);
    expect(scriptIsLive(paused, 0)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { isCallable, isEditable, transitionScript, type ScriptAction, type ScriptState } from "./script-status";

const enabled: ScriptState = { status: "enabled", pauseReason: null };
const pausedManual: ScriptState = { status: "paused", pauseReason: "manual" };
const pausedBalance: ScriptState = { status: "paused", pauseReason: "insufficientBalance" };
const stopped: ScriptState = { status: "stopped", pauseReason: null };
const funded = { callBalance: 100 };

describe("script lifecycle", () => {
  it("pauses an enabled script manually or for the balance, and enables it again", () => {
    expect(transitionScript(enabled, "pause", funded)).toEqual({ ok: true, next: pausedManual });
    expect(transitionScript(enabled, "pauseForBalance", funded)).toEqual({ ok: true, next: pausedBalance });
    expect(transitionScript(pausedManual, "enable", funded)).toEqual({ ok: true, next: enabled });
    expect(transitionScript(pausedBalance, "enable", funded)).toEqual({ ok: true, next: enabled });
  });

  it("refuses to enable without call balance", () => {
    expect(transitionScript(pausedBalance, "enable", { callBalance: 0 })).toEqual({ ok: false, message: "外呼余额不足，请充值后再启用" });
  });

  it("stops from enabled or paused, and a stopped script never moves again", () => {
    expect(transitionScript(enabled, "stop", funded)).toEqual({ ok: true, next: stopped });
    expect(transitionScript(pausedManual, "stop", funded)).toEqual({ ok: true, next: stopped });
    for (const action of ["enable", "pause", "pauseForBalance", "stop"] as ScriptAction[]) {
      expect(transitionScript(stopped, action, funded).ok).toBe(false);
    }
  });

  it("refuses meaningless moves", () => {
    expect(transitionScript(enabled, "enable", funded).ok).toBe(false);
    expect(transitionScript(pausedManual, "pause", funded).ok).toBe(false);
    expect(transitionScript(pausedManual, "pauseForBalance", funded).ok).toBe(false);
  });

  it("offers only enabled scripts for calling, and journey-only ones only to journeys (FAQ Q5)", () => {
    expect(isCallable({ status: "enabled", journeyOnly: false }, false)).toBe(true);
    expect(isCallable({ status: "enabled", journeyOnly: true }, false)).toBe(false);
    expect(isCallable({ status: "enabled", journeyOnly: true }, true)).toBe(true);
    expect(isCallable({ status: "paused", journeyOnly: false }, false)).toBe(false);
    expect(isCallable({ status: "stopped", journeyOnly: false }, true)).toBe(false);
    expect(isEditable("stopped")).toBe(false);
    expect(isEditable("paused")).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { END_STATUS_OUTCOMES, fromCccNumber, hangupByOf, outcomeOfEndStatus, recordingExpiresAt, rejectionOfError, toCccNumber } from "./ccc-mapping";
import { cdrToEvents, recordPushToTrack, roundsOf, turnsFromInteraction } from "./ccc-events";

describe("Tencent CCC end statuses", () => {
  it.each([
    [1, "answered"], [202, "noAnswer"], [203, "rejected"], [204, "poweredOff"], [205, "emptyNumber"], [206, "busy"],
    [207, "inArrears"], [208, "networkBusy"], [209, "cancelled"], [210, "unreachable"], [212, "carrierBlocked"],
    [108, "carrierBlocked"], [109, "carrierBlocked"], [110, "carrierBlocked"], [111, "carrierBlocked"], [213, "unreachable"],
    [215, "emptyNumber"], [216, "failed"], [217, "carrierBlocked"], [218, "carrierBlocked"], [219, "unreachable"],
    [220, "cancelled"], [221, "failed"], [222, "voiceAssistant"], [211, "failed"],
  ])("EndStatus %i → %s, raw code kept", (status, outcome) => {
    const r = outcomeOfEndStatus(status);
    expect(r.outcome).toBe(outcome);
    expect(r.rawCode).toBe(`${status}:${END_STATUS_OUTCOMES[status]!.name}`);
  });

  it("unknown and inbound-only statuses are failed, with the number kept", () => {
    expect(outcomeOfEndStatus(105)).toEqual({ outcome: "failed", rawCode: "105" });
    expect(outcomeOfEndStatus(undefined)).toEqual({ outcome: "failed", rawCode: "unknown" });
  });

  it("hang-up side", () => {
    expect([hangupByOf("user"), hangupByOf("seat"), hangupByOf("system"), hangupByOf(undefined)]).toEqual(["callee", "bot", "system", "system"]);
  });
});

describe("Tencent CCC API errors → CarrierRejected reasons", () => {
  it.each([
    ["RequestLimitExceeded", "rateLimited"],
    ["RequestLimitExceeded.UinLimitExceeded", "rateLimited"],
    ["LimitExceeded", "rateLimited"],
    // documented codes only (server/domain/vendor/vendor-errors.ts); the dialer reads the disposition, this is the port's coarse reason
    ["FailedOperation.AIConcurrentOverFrequency", "rateLimited"],
    ["FailedOperation.CallerOverFrequency", "rateLimited"],
    ["LimitExceeded.BasePackageExpired", "insufficientBalance"],
    ["FailedOperation.AIConcurrentNoPackage", "insufficientBalance"],
    ["FailedOperation.NoCallOutNumber", "unavailable"],
    ["InvalidParameter.InvalidPhoneNumber", "invalidNumber"],
    ["InvalidParameter.IllegalPhoneNumber", "invalidNumber"],
    ["FailedOperation.CalleeIsLimited", "unavailable"],
    ["InternalError.DBError", null],
    ["Some.UndocumentedCode", "unavailable"],
    ["AuthFailure.SignatureFailure", "unavailable"],
    ["AuthFailure.SignatureExpire", "unavailable"],
    ["ResourceUnavailable", "unavailable"],
    ["FailedOperation", "unavailable"],
    ["MissingParameter", "unavailable"],
  ] as [string, string | null][])("%s → %s", (code, reason) => {
    expect(rejectionOfError(code)).toBe(reason);
  });

  it("internal errors and network failures are not refusals (the call may have been accepted)", () => {
    expect(rejectionOfError("InternalError")).toBeNull();
    expect(rejectionOfError(undefined)).toBeNull();
  });
});

describe("CCC numbers, recording expiry", () => {
  it("dials 0086 + mobile and reads any prefix back", () => {
    expect(toCccNumber("13712340212")).toBe("008613712340212");
    expect(toCccNumber("02151234567")).toBe("008602151234567"); // landline keeps its trunk 0 (Callers 示例值 008601012341234)
    expect(fromCccNumber("008602151234567")).toBe("02151234567");
    expect(["008613712340212", "+8613712340212", "8613712340212", "13712340212"].map(fromCccNumber)).toEqual(Array(4).fill("13712340212"));
  });

  it("takes the expiry from a COS signature, else 3 months after the record", () => {
    expect(recordingExpiresAt("http://x/a.mp3?q-sign-time=100;200&q-signature=ab", 50, 0)).toBe(new Date(200_000).toISOString());
    expect(recordingExpiresAt("http://x/a.mp3", 1_000, 0)).toBe(new Date(1_000_000 + 90 * 86_400_000).toISOString());
  });
});

describe("CCC records → events", () => {
  const cdr = {
    SdkAppId: 1, SessionId: "s1", Caller: "02150000000", Callee: "008613712340212", Direction: 1, StartTimestamp: 1000,
    RingTimestamp: 1002, AcceptTimestamp: 1010, EndedTimestamp: 1040, EndStatus: 1, EndStatusString: "ok", HungUpSide: "user",
    RecordURL: "http://r/s1.mp3?q-sign-time=1000;9999999999", UUI: "",
  };

  it("an answered CDR is a completed attempt plus its recording, with ids from the SessionId", () => {
    const turns = turnsFromInteraction(
      [{ RoundIndex: 1, Messages: [{ Timestamp: 1010_500, AISpeak: { SpokenText: "您好" } }, { Timestamp: 1013_000, UserReply: { ASRTranscript: "好的" } }] }],
      1010,
    );
    const [attempt, recording] = cdrToEvents(cdr, { nowMs: 0, turns });
    expect(attempt).toMatchObject({ type: "attempt.completed", eventId: "ccc:cdr:s1", carrierCallId: "s1", outcome: "answered", rawCode: "1:ok", ringSeconds: 8, talkSeconds: 30, hangupBy: "callee", rounds: 1, clientRef: "" });
    expect(attempt?.type === "attempt.completed" && attempt.turns).toEqual([{ speaker: "ai", text: "您好", at: 0.5 }, { speaker: "patient", text: "好的", at: 3 }]);
    expect(recording).toMatchObject({ type: "recording.ready", eventId: "ccc:record:s1", format: "mp3", durationSeconds: 30 });
  });

  it("an unanswered CDR has no recording, no turns and no talk time", () => {
    const events = cdrToEvents({ ...cdr, EndStatus: 202, EndStatusString: "notAnswer", AcceptTimestamp: 0 }, { nowMs: 0 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: "noAnswer", answeredAt: null, talkSeconds: 0, turns: [], rounds: 0 });
  });

  it("a recording push is one participant's track (its own event per side), never the call's recording", () => {
    const patient = recordPushToTrack({ SessionId: "s1", EndpointUser: "008613712340212", RecordURL: "http://r/s1-user.mp3", Timestamp: 1040 }, { nowMs: 0 });
    expect(patient).toMatchObject({ eventId: "ccc:record:s1:008613712340212", track: { participant: "008613712340212", side: "patient" }, url: "http://r/s1-user.mp3" });
    const agent = recordPushToTrack({ SessionId: "s1", EndpointUser: "bot@example.com", RecordURL: "http://r/s1-agent.mp3" }, { nowMs: 0 });
    expect(agent).toMatchObject({ eventId: "ccc:record:s1:bot@example.com", track: { participant: "bot@example.com", side: "agent" } });
    expect(patient?.eventId).not.toBe("ccc:record:s1");
    expect(recordPushToTrack({ SessionId: "s1", RecordURL: "http://r/s1.mp3" }, { nowMs: 0 })).toBeNull();
  });

  it("counts a round per AI line the patient answered", () => {
    expect(roundsOf([{ speaker: "ai", text: "a", at: 0 }, { speaker: "patient", text: "b", at: 1 }, { speaker: "ai", text: "c", at: 2 }])).toBe(1);
  });
});

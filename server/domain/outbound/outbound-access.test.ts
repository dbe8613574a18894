import { describe, expect, it } from "vitest";
import { clinicMayCall, mayUseOutbound, OUTBOUND_LOCKED_MESSAGES, outboundAccessState } from "./outbound-access";

describe("outbound access", () => {
  it("opens 智能外呼 only after approval", () => {
    expect(outboundAccessState(null)).toBe("notApplied");
    for (const status of ["draft", "pending", "rejected"] as const) {
      expect(mayUseOutbound(outboundAccessState(status))).toBe(false);
      expect(OUTBOUND_LOCKED_MESSAGES[status]).toMatch(/\S/);
    }
    expect(mayUseOutbound("notApplied")).toBe(false);
    expect(mayUseOutbound(outboundAccessState("approved"))).toBe(true);
  });

  it("lets only opened clinics of an approved company call", () => {
    const opened = { outboundOpenedAt: new Date("2026-01-01T00:00:00Z") };
    const closed = { outboundOpenedAt: null };
    expect(clinicMayCall("approved", opened)).toBe(true);
    expect(clinicMayCall("approved", closed)).toBe(false);
    expect(clinicMayCall("pending", opened)).toBe(false);
    expect(clinicMayCall("rejected", opened)).toBe(false);
  });
});

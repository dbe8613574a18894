import { describe, expect, it } from "vitest";
import { parseCallRecordSearch } from "./call-record-search";

describe("parseCallRecordSearch", () => {
  it("reads the filters from the URL", () => {
    expect(parseCallRecordSearch(new URLSearchParams("scriptId=s1&intent=interested&outcome=answered&from=2024-03-01&to=2024-03-31&page=3"))).toEqual({
      scriptId: "s1",
      intent: "interested",
      consultantId: undefined,
      onlineConsultantId: undefined,
      outcome: "answered",
      from: "2024-03-01",
      to: "2024-03-31",
      page: 3,
      pageSize: 20,
    });
  });

  it("drops what the server would refuse: an intent without a script, unknown statuses, reversed or malformed dates", () => {
    const input = parseCallRecordSearch(new URLSearchParams("intent=interested&outcome=weird&from=2024-03-31&to=2024-03-01&page=-2"));
    expect(input).toMatchObject({ intent: undefined, outcome: undefined, from: undefined, to: undefined, page: 1 });
    expect(parseCallRecordSearch(new URLSearchParams("from=2024-3-1")).from).toBeUndefined();
  });
});

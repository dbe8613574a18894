import { describe, expect, it } from "vitest";
import { parseCallRecordSearch, reversedDateRange, summaryInput } from "./call-record-search";

describe("parseCallRecordSearch", () => {
  it("reads the filters from the URL", () => {
    expect(parseCallRecordSearch(new URLSearchParams("scriptId=s1&intent=interested&outcome=answered&from=2024-03-01&to=2024-03-31&page=3"))).toEqual({
      scriptId: "s1",
      clinicId: undefined,
      q: undefined,
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

  it("drops what the server would refuse: an intent without a script, unknown statuses, malformed dates", () => {
    const input = parseCallRecordSearch(new URLSearchParams("intent=interested&outcome=weird&page=-2"));
    expect(input).toMatchObject({ intent: undefined, outcome: undefined, page: 1 });
    expect(parseCallRecordSearch(new URLSearchParams("from=2024-3-1")).from).toBeUndefined();
  });

  it("keeps the start of a reversed range and reports the refused end (not both silently cleared)", () => {
    const params = new URLSearchParams("from=2024-03-31&to=2024-03-01");
    expect(parseCallRecordSearch(params)).toMatchObject({ from: "2024-03-31", to: undefined });
    expect(reversedDateRange(params)).toEqual({ from: "2024-03-31", to: "2024-03-01" });
    expect(reversedDateRange(new URLSearchParams("from=2024-03-01&to=2024-03-31"))).toBeNull();
  });

  it("reads the search and 门店, and gives the summary the same filters without paging", () => {
    const input = parseCallRecordSearch(new URLSearchParams("q=%20王洁%20&clinicId=c1&outcome=failed&page=2"));
    expect(input).toMatchObject({ q: "王洁", clinicId: "c1", outcome: "failed", page: 2 });
    expect(summaryInput(input)).not.toHaveProperty("page");
    expect(summaryInput(input)).toMatchObject({ q: "王洁", clinicId: "c1", outcome: "failed" });
  });
});

import { describe, expect, it } from "vitest";
import { intentLabel, intentOptions } from "./intent-label";

describe("intent labels", () => {
  const preview = { scenarios: [], intents: [{ key: "interested", label: "有意向（已改）" }] };
  const template = [
    { key: "interested", label: "有意向" },
    { key: "refused", label: "拒绝来电" },
    { key: 3, label: "bad" },
  ];

  it("prefers the script's own dialogue, then its template, without duplicates", () => {
    expect(intentOptions(preview, template)).toEqual([
      { key: "interested", label: "有意向（已改）" },
      { key: "refused", label: "拒绝来电" },
    ]);
    expect(intentOptions(null, undefined)).toEqual([]);
  });

  it("shows an unknown key (or a stored label) as itself and nothing for no intent", () => {
    const options = intentOptions(template);
    expect(intentLabel("refused", options)).toBe("拒绝来电");
    expect(intentLabel("比较有意向", options)).toBe("比较有意向");
    expect(intentLabel(null, options)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { MAINLAND_MOBILE_RE } from "./generators";
import { SPECIAL_MOBILES_A, SPECIAL_MOBILES_OTHER } from "./dental-catalogue";
import { PLATFORM_DNC } from "./seed-platform";

const patterns = PLATFORM_DNC.flatMap((e) => (e.kind === "vanityPattern" ? [new RegExp(e.pattern)] : []));
const listed = new Set(PLATFORM_DNC.flatMap((e) => ("mobile" in e ? [e.mobile] : [])));
const blocked = (m: string) => listed.has(m) || patterns.some((re) => re.test(m));

describe("platform DNC list", () => {
  it("lists valid mobiles and compilable patterns", () => {
    for (const m of listed) expect(m).toMatch(MAINLAND_MOBILE_RE);
    expect(patterns.length).toBeGreaterThanOrEqual(3);
    expect(listed).toContain("15888888888");
    expect(listed).toContain("13912345678");
  });

  it("recognises vanity numbers by pattern", () => {
    for (const m of ["15888888888", "13666666666", "13912345678", "18698765432", "13812388888", "13852015201"])
      expect(patterns.some((re) => re.test(m)), m).toBe(true);
    for (const m of ["13812345679", "15036718842", "18600012300"]) expect(patterns.some((re) => re.test(m)), m).toBe(false);
  });

  it("blocks every special number the company seed puts on patients", () => {
    for (const m of [...SPECIAL_MOBILES_A, ...SPECIAL_MOBILES_OTHER]) expect(blocked(m), m).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { CappedTotalCache } from "./capped-total-cache";

describe("CappedTotalCache", () => {
  it("remembers a filter past the cap for the TTL only", () => {
    const cache = new CappedTotalCache(30_000);
    const key = CappedTotalCache.key("co", undefined, { outcome: "answered" });
    expect(cache.isCapped(key, 1_000)).toBe(false);
    cache.rememberCapped(key, 1_000);
    expect(cache.isCapped(key, 30_999)).toBe(true);
    expect(cache.isCapped(key, 31_000)).toBe(false);
    expect(cache.isCapped(key, 31_001)).toBe(false);
  });

  it("keys by company, clinic scope and every filter, but not by the page", () => {
    const key = (companyId: string, clinics: string[] | undefined, f: Record<string, unknown>) => CappedTotalCache.key(companyId, clinics, f);
    const base = key("co", ["c1", "c2"], { outcome: "answered", from: "2026-12-01", page: 1, pageSize: 20 });
    expect(key("co", ["c2", "c1"], { from: "2026-12-01", outcome: "answered", page: 3, pageSize: 50 })).toBe(base);
    expect(key("co", ["c2", "c1"], { from: "2026-12-01", outcome: "answered", q: undefined })).toBe(base);
    expect(key("other", ["c1", "c2"], { outcome: "answered", from: "2026-12-01" })).not.toBe(base);
    expect(key("co", ["c1"], { outcome: "answered", from: "2026-12-01" })).not.toBe(base);
    expect(key("co", undefined, { outcome: "answered", from: "2026-12-01" })).not.toBe(base);
    expect(key("co", ["c1", "c2"], { outcome: "answered", from: "2026-12-02" })).not.toBe(base);
    expect(key("co", ["c1", "c2"], { outcome: "answered", from: "2026-12-01", consultantId: "u1" })).not.toBe(base);
  });
});

import { describe, expect, it } from "vitest";
import { hashString, mulberry32, randInt, rngFor, sample, shuffle, weighted } from "./random";

describe("mulberry32", () => {
  it("gives the same sequence for the same seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
  });

  it("gives a different sequence for a different seed", () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    expect(Array.from({ length: 10 }, () => a())).not.toEqual(Array.from({ length: 10 }, () => b()));
  });

  it("stays in [0, 1) and spreads evenly", () => {
    const rng = mulberry32(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const x = rng();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]! += 1;
    }
    for (const b of buckets) expect(b).toBeGreaterThan(850);
  });
});

describe("helpers", () => {
  it("hashString is stable", () => {
    expect(hashString("a")).toBe(hashString("a"));
    expect(hashString("a")).not.toBe(hashString("b"));
    expect(hashString("")).toBe(0x811c9dc5);
  });

  it("randInt covers both ends", () => {
    const rng = rngFor("randInt");
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(randInt(rng, 3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("weighted never picks a zero weight", () => {
    const rng = rngFor("weighted");
    for (let i = 0; i < 1000; i++) expect(weighted(rng, [["x", 1], ["never", 0], ["y", 3]])).not.toBe("never");
  });

  it("shuffle and sample keep the items distinct", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const rng = rngFor("shuffle");
    expect(shuffle(rng, items).sort((a, b) => a - b)).toEqual(items);
    const s = sample(rng, items, 20);
    expect(new Set(s).size).toBe(20);
    expect(sample(rng, items, 80)).toHaveLength(50);
  });
});

import { describe, expect, it } from "vitest";
import { assignVariant, stableHash, variantProblems } from "./ab-variant";

// cuid-like ids: a shared prefix and a counter, the worst case for a weak hash.
const ids = Array.from({ length: 20_000 }, (_, i) => `cmf0k2x${i.toString(36).padStart(6, "0")}0000abcd`);

describe("assignVariant", () => {
  const variants = [
    { id: "a", sharePercent: 50 },
    { id: "b", sharePercent: 30 },
    { id: "c", sharePercent: 20 },
  ];

  it("gives a patient the same variant every time, whatever else is in the batch", () => {
    const first = ids.slice(0, 500).map((p) => assignVariant(p, "script-1", variants));
    const again = [...ids.slice(0, 500)].reverse().map((p) => assignVariant(p, "script-1", variants)).reverse();
    expect(again).toEqual(first);
    expect(stableHash("patient-x")).toBe(stableHash("patient-x"));
  });

  it("splits the traffic within a percentage point of the shares", () => {
    const n = new Map<string, number>();
    for (const p of ids) {
      const v = assignVariant(p, "script-1", variants)!;
      n.set(v, (n.get(v) ?? 0) + 1);
    }
    expect(Math.abs(n.get("a")! / ids.length - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(n.get("b")! / ids.length - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(n.get("c")! / ids.length - 0.2)).toBeLessThan(0.01);
  });

  it("splits each script on its own (a patient's variant in one test says nothing of another)", () => {
    const two = [
      { id: "a", sharePercent: 50 },
      { id: "b", sharePercent: 50 },
    ];
    const same = ids.slice(0, 2000).filter((p) => assignVariant(p, "s1", two) === assignVariant(p, "s2", two)).length;
    expect(same / 2000).toBeGreaterThan(0.45);
    expect(same / 2000).toBeLessThan(0.55);
  });

  it("never picks a 0 % variant, and the kept variant once a test has ended", () => {
    const v = [
      { id: "a", sharePercent: 100 },
      { id: "b", sharePercent: 0 },
    ];
    expect(ids.slice(0, 1000).every((p) => assignVariant(p, "s", v) === "a")).toBe(true);
    expect(assignVariant(ids[0]!, "s", v, "b")).toBe("b");
    expect(assignVariant(ids[0]!, "s", [])).toBeNull();
  });
});

describe("variantProblems", () => {
  it("needs shares adding to 100, at most three variants and names", () => {
    expect(variantProblems([])).toEqual([]);
    expect(variantProblems([{ name: "A", sharePercent: 60 }, { name: "B", sharePercent: 40 }])).toEqual([]);
    expect(variantProblems([{ name: "A", sharePercent: 60 }, { name: "B", sharePercent: 30 }])).toEqual(["sharesNot100"]);
    expect(variantProblems(Array.from({ length: 4 }, () => ({ name: "x", sharePercent: 25 })))).toEqual(["tooMany"]);
    expect(variantProblems([{ name: " ", sharePercent: 100 }])).toEqual(["nameMissing"]);
  });
});

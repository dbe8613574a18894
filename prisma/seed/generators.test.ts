import { describe, expect, it } from "vitest";
import {
  MAINLAND_MOBILE_RE,
  birthdayForAge,
  chineseName,
  medicalRecordNo,
  randomMobile,
  uniqueMobile,
} from "./generators";
import { rngFor } from "./random";

const HAN = /^[\u4e00-\u9fff]{2,4}$/;

describe("chineseName", () => {
  it("is two to four Han characters, for both genders", () => {
    const rng = rngFor("names");
    for (let i = 0; i < 2000; i++) {
      expect(chineseName(rng, "male")).toMatch(HAN);
      expect(chineseName(rng, "female")).toMatch(HAN);
    }
  });

  it("varies and is deterministic", () => {
    const draw = () => {
      const rng = rngFor("names-det");
      return Array.from({ length: 200 }, (_, i) => chineseName(rng, i % 2 ? "male" : "female"));
    };
    const names = draw();
    expect(draw()).toEqual(names);
    expect(new Set(names).size).toBeGreaterThan(180);
  });
});

describe("mobiles", () => {
  it("randomMobile is a valid mainland mobile", () => {
    const rng = rngFor("mobiles");
    for (let i = 0; i < 5000; i++) expect(randomMobile(rng)).toMatch(MAINLAND_MOBILE_RE);
  });

  it("uniqueMobile never repeats and skips taken numbers", () => {
    const rng = rngFor("unique");
    const taken = new Set<string>(["15888888888"]);
    const drawn = Array.from({ length: 3000 }, () => uniqueMobile(rng, taken));
    expect(new Set(drawn).size).toBe(3000);
    expect(drawn).not.toContain("15888888888");
    expect(taken.size).toBe(3001);
  });

  it("is deterministic", () => {
    const a = rngFor("same");
    const b = rngFor("same");
    expect(Array.from({ length: 50 }, () => randomMobile(a))).toEqual(Array.from({ length: 50 }, () => randomMobile(b)));
  });
});

describe("medicalRecordNo", () => {
  it("is clinic code + yyyymm + 4-digit sequence", () => {
    expect(medicalRecordNo("JA", "202403", 7)).toBe("JA2024030007");
    expect(medicalRecordNo("XHU", "202512", 1234)).toBe("XHU2025121234");
  });
});

describe("birthdayForAge", () => {
  it("gives exactly that age at now, at UTC midnight", () => {
    const rng = rngFor("birthdays");
    const now = new Date("2026-05-20T03:00:00Z");
    for (let i = 0; i < 500; i++) {
      const age = 1 + (i % 80);
      const b = birthdayForAge(rng, now, age);
      expect(b.getUTCHours()).toBe(0);
      let years = now.getUTCFullYear() - b.getUTCFullYear();
      const hadBirthday =
        now.getUTCMonth() > b.getUTCMonth() || (now.getUTCMonth() === b.getUTCMonth() && now.getUTCDate() >= b.getUTCDate());
      if (!hadBirthday) years -= 1;
      expect(years).toBe(age);
    }
  });
});

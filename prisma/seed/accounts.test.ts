import { describe, expect, it } from "vitest";
import { SYSTEM_ROLE_NAMES } from "../../server/domain/auth/permissions";
import { PLATFORM_ADMIN, companyCode, staffEmail, staffMobile, type StaffSlot } from "./accounts";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { MAINLAND_MOBILE_RE } from "./generators";
import { planStaff } from "./plan-organisation";

const SLOTS: StaffSlot[] = [
  { role: "companyAdmin" },
  { role: "clinicAdmin" },
  { role: "frontDesk" },
  { role: "consultant", n: 1 },
  { role: "consultant", n: 2 },
  { role: "consultant", n: 3 },
  { role: "onlineConsultant", n: 1 },
  { role: "onlineConsultant", n: 2 },
];

describe("staff accounts", () => {
  it("derive valid, distinct mobiles per company that never hit the platform admin", () => {
    const all = ["a", "b", "c", "tenant-x", "z"].flatMap((key) => SLOTS.map((s) => staffMobile(key, s)));
    for (const m of all) expect(m).toMatch(MAINLAND_MOBILE_RE);
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain(PLATFORM_ADMIN.mobile);
    expect(staffMobile("a", { role: "companyAdmin" })).toMatch(/^1380000\d{4}$/);
  });

  it("derive e-mails from the key", () => {
    expect(staffEmail("a", { role: "companyAdmin" })).toBe("admin@a.demo");
    expect(staffEmail("a", { role: "clinicAdmin" })).toBe("clinic@a.demo");
    expect(staffEmail("a", { role: "frontDesk" })).toBe("frontdesk@a.demo");
    expect(staffEmail("b", { role: "consultant", n: 2 })).toBe("consultant2@b.demo");
    expect(staffEmail("b", { role: "onlineConsultant", n: 1 })).toBe("online1@b.demo");
  });

  it("rejects keys that would make odd e-mails", () => {
    expect(() => companyCode("A")).toThrow();
    expect(() => staffEmail("a@b", { role: "companyAdmin" })).toThrow();
  });
});

describe("DEMO_ACCOUNTS", () => {
  it("lists the platform admin and one account per system role", () => {
    expect(DEMO_ACCOUNTS[0]).toEqual({ label: "平台管理员", account: "13800000000" });
    expect(DEMO_ACCOUNTS.slice(1).map((a) => a.label)).toEqual(Object.values(SYSTEM_ROLE_NAMES));
    expect(DEMO_ACCOUNTS[1]).toEqual({ label: "公司管理员", account: "admin@a.demo" });
  });

  it("matches the accounts seedCompany creates for company a", () => {
    const staffEmails = new Set(planStaff("a", 3).map((s) => s.email));
    for (const a of DEMO_ACCOUNTS.slice(1)) expect(staffEmails).toContain(a.account);
  });
});

import { describe, expect, it } from "vitest";
import { can, DEFAULT_ROLE_PERMISSIONS, isRolePermission, OUTBOUND_PERMISSIONS, PLATFORM_REVIEW } from "./permissions";

describe("permissions", () => {
  it("gives 公司管理员 and 诊所管理员 every 智能外呼 permission by default (seed §1)", () => {
    for (const role of ["companyAdmin", "clinicAdmin"] as const) {
      expect(DEFAULT_ROLE_PERMISSIONS[role]).toEqual(expect.arrayContaining([...OUTBOUND_PERMISSIONS]));
    }
  });
  it("gives front-desk staff no 智能外呼 permission", () => {
    expect(DEFAULT_ROLE_PERMISSIONS.frontDesk.filter((p) => p.startsWith("outbound."))).toEqual([]);
  });
  it("keeps platform review out of role permissions", () => {
    expect(isRolePermission(PLATFORM_REVIEW)).toBe(false);
    const viewer = { permissions: new Set([PLATFORM_REVIEW] as const), isPlatformAdmin: false };
    expect(can(viewer, PLATFORM_REVIEW)).toBe(false);
    expect(can({ permissions: new Set(), isPlatformAdmin: true }, PLATFORM_REVIEW)).toBe(true);
  });
  it("checks role permissions by key", () => {
    const viewer = { permissions: new Set(["outbound.view"] as const), isPlatformAdmin: false };
    expect(can(viewer, "outbound.view")).toBe(true);
    expect(can(viewer, "outbound.calls.start")).toBe(false);
  });
});

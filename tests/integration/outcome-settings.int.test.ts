import { describe, expect, it } from "vitest";
import { recreditStaleCompanies } from "@/server/services/outcomes/credit-outcomes";
import { createDialerCompany } from "./dialer-fixtures";
import { callerFor, seeded, testDb } from "./fixtures";

/** 效果分析 → 归因与成本设置: the attribution window and the prices behind 每次到诊成本, through the tRPC procedures. */
describe("outcome settings", () => {
  it("shows the defaults, saves, audits before / after, and a changed window recomputes the credits", async () => {
    const company = await createDialerCompany("outset1");
    const db = testDb();
    const admin = await callerFor(company.admin.id);
    await db.company.update({ where: { id: company.companyId }, data: { outcomeCreditsStaleAt: null } });
    expect(await admin.outcomes.settings()).toMatchObject({ settings: { windowDays: 30, callPriceCentsPerMinute: null, smsPriceCents: null }, recomputing: false });

    // Prices only: nothing to recompute.
    const priced = await admin.outcomes.updateSettings({ windowDays: 30, callPriceCentsPerMinute: 12, smsPriceCents: 5 });
    expect(priced).toMatchObject({ settings: { windowDays: 30, callPriceCentsPerMinute: 12, smsPriceCents: 5 }, recomputing: false });

    const saved = await admin.outcomes.updateSettings({ windowDays: 14, callPriceCentsPerMinute: 12, smsPriceCents: null });
    expect(saved).toMatchObject({ settings: { windowDays: 14, smsPriceCents: null }, recomputing: true });
    expect((await admin.outcomes.funnel({})).windowDays).toBe(14);
    const audits = await db.auditLog.findMany({ where: { companyId: company.companyId, action: "company.outcomeSettings" }, orderBy: { createdAt: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({ actorId: company.admin.id, targetType: "company", targetId: company.companyId });
    expect(audits[1]!.data).toMatchObject({ before: { windowDays: 30, smsPriceCents: 5 }, after: { windowDays: 14, smsPriceCents: null } });

    await recreditStaleCompanies(db);
    expect((await admin.outcomes.settings()).recomputing).toBe(false);
  });

  it("refuses values outside the bounds with what is allowed, and saves nothing", async () => {
    const company = await createDialerCompany("outset2");
    const admin = await callerFor(company.admin.id);
    const valid = { windowDays: 30, callPriceCentsPerMinute: 12, smsPriceCents: 5 };
    const refused = async (input: typeof valid | Record<string, unknown>, message: RegExp) =>
      expect(admin.outcomes.updateSettings(input as typeof valid)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    await refused({ ...valid, windowDays: 0 }, /归因窗口为 1–90 天/);
    await refused({ ...valid, windowDays: 91 }, /归因窗口为 1–90 天/);
    await refused({ ...valid, windowDays: 7.5 }, /整数天/);
    await refused({ ...valid, windowDays: Number.NaN }, /归因窗口/);
    await refused({ ...valid, callPriceCentsPerMinute: -1 }, /通话单价为 ¥0–¥100/);
    await refused({ ...valid, callPriceCentsPerMinute: 12.5 }, /最小单位为分/);
    await refused({ ...valid, smsPriceCents: 1001 }, /短信单价为 ¥0–¥10/);
    expect((await admin.outcomes.settings()).settings).toEqual({ windowDays: 30, callPriceCentsPerMinute: null, smsPriceCents: null });
  });

  it("is company-wide: a clinic-limited manager may read it but not change it; a role without 外呼 permissions neither", async () => {
    const s = await seeded();
    const clinicAdmin = await callerFor(s.a.clinicAdmin.id);
    expect((await clinicAdmin.outcomes.settings()).settings.windowDays).toBeGreaterThan(0);
    await expect(clinicAdmin.outcomes.updateSettings({ windowDays: 7, callPriceCentsPerMinute: null, smsPriceCents: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/全公司/),
    });
    const frontDesk = await callerFor(s.a.frontDesk.id);
    await expect(frontDesk.outcomes.updateSettings({ windowDays: 7, callPriceCentsPerMinute: null, smsPriceCents: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

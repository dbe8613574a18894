/** A seeded company's clinics, staff and SMS templates (planCompany's non-patient parts). */
import { staffEmail, staffMobile, type StaffSlot } from "./accounts";
import type { PlannedClinic, PlannedSmsTemplate, PlannedStaff, SeedCompanyOptions } from "./company-plan";
import { chineseName } from "./generators";
import { chance, rngFor } from "./random";
import { addMs, atShanghai, MINUTE_MS } from "./time";

export function planClinics(opts: SeedCompanyOptions): PlannedClinic[] {
  const rng = rngFor(`${opts.key}:clinics`);
  const codes = opts.clinics.map((c, i) => c.code ?? String.fromCharCode(65 + i));
  for (const code of codes) if (!/^[A-Z]{1,4}$/.test(code)) throw new Error(`clinic code must be 1–4 capital letters: ${code}`);
  if (new Set(codes).size !== codes.length) throw new Error("clinic codes must be unique within a company");
  return opts.clinics.map((c, i) => ({
    ...c,
    code: codes[i] as string,
    doctors: Array.from({ length: 3 }, () => chineseName(rng, chance(rng, 0.5) ? "male" : "female")),
    opened: Boolean(opts.opened) && i < 2,
  }));
}

/**
 * 公司管理员 (all clinics), 诊所管理员 and 前台 (first clinic), 2–3 咨询师 and 1–2 网电咨询师 spread so that every
 * clinic has at least one of each.
 */
export function planStaff(key: string, clinicCount: number): PlannedStaff[] {
  const rng = rngFor(`${key}:staff`);
  const consultants = Math.min(3, Math.max(2, clinicCount));
  const onlines = clinicCount >= 2 ? 2 : 1;
  const spread = (i: number, of: number) => {
    const idx = new Set<number>([i % clinicCount]);
    for (let c = 0; c < clinicCount; c++) if (c % of === i) idx.add(c);
    return [...idx].sort((a, b) => a - b);
  };
  const make = (slot: StaffSlot, allClinics: boolean, clinicIdx: number[]): PlannedStaff => ({
    slot,
    role: slot.role,
    name: chineseName(rng, chance(rng, 0.6) ? "female" : "male", 0),
    mobile: staffMobile(key, slot),
    email: staffEmail(key, slot),
    allClinics,
    clinicIdx,
  });
  return [
    make({ role: "companyAdmin" }, true, []),
    make({ role: "clinicAdmin" }, false, [0]),
    make({ role: "frontDesk" }, false, [0]),
    ...Array.from({ length: consultants }, (_, i) => make({ role: "consultant", n: i + 1 }, false, spread(i, consultants))),
    ...Array.from({ length: onlines }, (_, i) => make({ role: "onlineConsultant", n: i + 1 }, false, spread(i, onlines))),
  ];
}

export function planSmsTemplates(now: Date): PlannedSmsTemplate[] {
  const created = atShanghai(now, -25, 14);
  return [
    {
      name: "预约到店提醒",
      content: "【{诊所简称}】您好，您预约的明天{时间}到店就诊，请准时前往{诊所地址}，如需改约请致电门店。拒收请回复R",
      status: "approved",
      rejectReason: null,
      reviewedAt: atShanghai(now, -24, 11),
      createdAt: created,
    },
    {
      name: "未接通回电提醒",
      content: "【{诊所简称}】您好，我们刚刚致电您未能接通，如有口腔健康相关问题可随时来电咨询，期待为您服务。拒收请回复R",
      status: "approved",
      rejectReason: null,
      reviewedAt: atShanghai(now, -24, 11, 5),
      createdAt: addMs(created, 10 * MINUTE_MS),
    },
    {
      name: "种植节活动通知",
      content: "【{诊所简称}】种植牙节限时活动进行中，到店即享免费口腔检查及种植方案设计，详询门店。拒收请回复R",
      status: "pending",
      rejectReason: null,
      reviewedAt: null,
      createdAt: atShanghai(now, -2, 16),
    },
    {
      name: "洁牙特惠",
      content: "【{诊所简称}】洁牙特惠99元，名额有限先到先得！",
      status: "rejected",
      rejectReason: "营销短信需包含退订方式（如“拒收请回复R”）",
      reviewedAt: atShanghai(now, -9, 10, 30),
      createdAt: atShanghai(now, -10, 15),
    },
  ];
}

/** Company presets shared by the demo seed, integration tests and e2e fixtures (companies A and B). */
import type { SeedClinicInput } from "./company-plan";

export const COMPANY_A = {
  key: "a",
  name: "微笑口腔连锁",
  clinics: [
    {
      name: "微笑口腔(静安店)",
      shortName: "静安店",
      address: "上海市静安区南京西路1266号恒隆广场办公楼2座18楼",
      phone: "021-62881266",
      code: "JA",
    },
    {
      name: "微笑口腔(徐汇店)",
      shortName: "徐汇店",
      address: "上海市徐汇区漕溪北路398号汇智大厦3楼",
      phone: "021-64870398",
      code: "XH",
    },
    {
      name: "微笑口腔(浦东店)",
      shortName: "浦东店",
      address: "上海市浦东新区张杨路500号华润时代广场5楼",
      phone: "021-58360500",
      code: "PD",
    },
  ] satisfies SeedClinicInput[],
  patients: 620,
  opened: true,
} as const;

/** A second, smaller tenant for tenancy tests (not opened for AI calls). */
export const COMPANY_B = {
  key: "b",
  name: "皓齿口腔连锁",
  clinics: [
    {
      name: "皓齿口腔(天河店)",
      shortName: "天河店",
      address: "广州市天河区天河路385号太古汇3楼",
      phone: "020-38682385",
      code: "TH",
    },
    {
      name: "皓齿口腔(越秀店)",
      shortName: "越秀店",
      address: "广州市越秀区中山五路219号",
      phone: "020-83330219",
      code: "YX",
    },
  ] satisfies SeedClinicInput[],
  patients: 40,
  opened: false,
} as const;

/**
 * The one place that derives seeded accounts' mobiles and e-mails from a company key, so the login page's demo list
 * (demo-accounts.ts), seedCompany and the tests cannot drift apart.
 *
 *   platform admin            13800000000          (no e-mail login needed; admin@platform.demo)
 *   company "a", slot 1001    13800001001          admin@a.demo
 *   company "b", slot 2001    13800012001          consultant1@b.demo
 *
 * mobile = "138" + 4-digit company code + 4-digit slot. Single-letter keys a–z get codes 0000–0025; any other key a
 * hashed code in 0100–9999. Slots are never 0000, so no company account collides with the platform admin.
 */
import { hashString } from "./random";
import type { SystemRoleKey } from "../../server/domain/auth/permissions";

export const PLATFORM_ADMIN = {
  name: "平台管理员",
  mobile: "13800000000",
  email: "admin@platform.demo",
} as const;

export type StaffSlot =
  | { role: "companyAdmin" }
  | { role: "clinicAdmin" }
  | { role: "frontDesk" }
  | { role: "consultant"; n: number } // 1-based
  | { role: "onlineConsultant"; n: number }; // 1-based

const KEY_RE = /^[a-z0-9][a-z0-9-]{0,30}$/;

export function assertCompanyKey(key: string): void {
  if (!KEY_RE.test(key)) throw new Error(`company key must match ${KEY_RE}: ${JSON.stringify(key)}`);
}

/** 4-digit code of a company key inside staff mobiles. */
export function companyCode(key: string): string {
  assertCompanyKey(key);
  const code = /^[a-z]$/.test(key) ? key.charCodeAt(0) - 97 : 100 + (hashString(key) % 9900);
  return String(code).padStart(4, "0");
}

function slotNumber(slot: StaffSlot): number {
  switch (slot.role) {
    case "companyAdmin":
      return 1001;
    case "clinicAdmin":
      return 1002;
    case "frontDesk":
      return 1003;
    case "consultant":
      return 2000 + slot.n;
    case "onlineConsultant":
      return 3000 + slot.n;
  }
}

function localPart(slot: StaffSlot): string {
  switch (slot.role) {
    case "companyAdmin":
      return "admin";
    case "clinicAdmin":
      return "clinic";
    case "frontDesk":
      return "frontdesk";
    case "consultant":
      return `consultant${slot.n}`;
    case "onlineConsultant":
      return `online${slot.n}`;
  }
}

export function staffMobile(key: string, slot: StaffSlot): string {
  return `138${companyCode(key)}${String(slotNumber(slot)).padStart(4, "0")}`;
}

export function staffEmail(key: string, slot: StaffSlot): string {
  assertCompanyKey(key);
  return `${localPart(slot)}@${key}.demo`;
}

/** The first account of each system role (the one shown on the login page). */
export function firstSlotOf(role: SystemRoleKey): StaffSlot {
  return role === "consultant" || role === "onlineConsultant" ? { role, n: 1 } : { role };
}

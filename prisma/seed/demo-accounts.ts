/**
 * Accounts listed on the login page in development (one per role). Derived from accounts.ts, which seedCompany uses
 * too, so the list always matches what `seedDemo` creates for company "a". Password: DEMO_PASSWORD.
 * Pure module: safe to import from client components.
 */
import { PLATFORM_ADMIN, firstSlotOf, staffEmail } from "./accounts";
import { SYSTEM_ROLE_NAMES, type SystemRoleKey } from "../../server/domain/auth/permissions";

export { DEMO_PASSWORD } from "./demo-password";

export interface DemoAccount {
  label: string;
  account: string;
}

/** Key of the demo company seeded by seedDemo. */
export const DEMO_COMPANY_KEY = "a";

const ROLE_ORDER: readonly SystemRoleKey[] = ["companyAdmin", "clinicAdmin", "frontDesk", "consultant", "onlineConsultant"];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { label: "平台管理员", account: PLATFORM_ADMIN.mobile },
  ...ROLE_ORDER.map((role) => ({
    label: SYSTEM_ROLE_NAMES[role],
    account: staffEmail(DEMO_COMPANY_KEY, firstSlotOf(role)),
  })),
];

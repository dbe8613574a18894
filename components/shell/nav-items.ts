import { can, type Permission, type Viewer } from "@/server/domain/auth/permissions";

export interface NavLink {
  key: string; // message key under "nav"
  href: string;
  permission?: Permission;
  platformOnly?: boolean;
}
export interface NavGroup {
  key: string;
  icon: "home" | "patients" | "marketing" | "journeys" | "management" | "records" | "followUps" | "platform";
  href?: string;
  permission?: Permission;
  platformOnly?: boolean;
  sections?: { key?: string; links: NavLink[] }[];
}

/** The seed's menus. Entries a caller may not open are removed on the server, not merely hidden. */
export const NAV: NavGroup[] = [
  { key: "home", icon: "home", href: "/" },
  { key: "patients", icon: "patients", sections: [{ links: [{ key: "patientList", href: "/patients", permission: "patients.view" }] }] },
  {
    key: "marketing",
    icon: "marketing",
    sections: [
      {
        links: [
          { key: "sms", href: "/marketing/sms", permission: "sms.manage" },
          { key: "smsRecords", href: "/marketing/sms-records", permission: "sms.manage" },
        ],
      },
    ],
  },
  { key: "journeys", icon: "journeys", href: "/journeys", permission: "journeys.manage" },
  {
    key: "management",
    icon: "management",
    sections: [
      {
        key: "clinicManagement",
        links: [
          { key: "clinicInfo", href: "/management/clinics", permission: "clinics.manage" },
          { key: "outbound", href: "/management/outbound", permission: "outbound.view" },
          { key: "monitor", href: "/management/outbound/monitor", permission: "outbound.view" },
          { key: "outboundBatches", href: "/management/outbound/batches", permission: "outbound.view" },
          { key: "outcomes", href: "/management/outcomes", permission: "outbound.view" },
        ],
      },
      { key: "hr", links: [{ key: "roles", href: "/management/roles", permission: "roles.manage" }] },
      { links: [{ key: "integrations", href: "/management/integrations", permission: "integrations.manage" }] },
    ],
  },
  { key: "callRecords", icon: "records", href: "/call-records", permission: "outbound.records.view" },
  { key: "followUps", icon: "followUps", href: "/follow-ups", permission: "followUps.view" },
  {
    key: "platform",
    icon: "platform",
    platformOnly: true,
    sections: [
      {
        links: [
          { key: "qualificationReview", href: "/platform/qualifications", platformOnly: true },
          { key: "smsReview", href: "/platform/sms-templates", platformOnly: true },
          { key: "platformMonitor", href: "/platform/monitor", platformOnly: true },
        ],
      },
    ],
  },
];

function allowed(viewer: Viewer, item: { permission?: Permission; platformOnly?: boolean }) {
  if (item.platformOnly) return viewer.isPlatformAdmin;
  if (viewer.isPlatformAdmin && !viewer.companyId) return false; // platform admins have no tenant pages
  return item.permission ? can(viewer, item.permission) : true;
}

export function navFor(viewer: Viewer): NavGroup[] {
  return NAV.filter((g) => allowed(viewer, g))
    .map((g) => ({
      ...g,
      sections: g.sections
        ?.map((s) => ({ ...s, links: s.links.filter((l) => allowed(viewer, l)) }))
        .filter((s) => s.links.length > 0),
    }))
    .filter((g) => g.href || (g.sections && g.sections.length > 0));
}

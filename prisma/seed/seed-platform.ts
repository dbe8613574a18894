/** Platform-wide rows: the platform admin and the platform do-not-call list. Idempotent. */
import type { SeedDb } from "./db";
import { PLATFORM_ADMIN } from "./accounts";
import { demoPasswordHash } from "./password-hash";

type PlatformDnc =
  | { kind: "vanityPattern"; pattern: string; reason: string }
  | { kind: "platform" | "highComplaint"; mobile: string; reason: string };

/** Regexes are matched against the normalized 11-digit mobile. */
export const PLATFORM_DNC: readonly PlatformDnc[] = [
  { kind: "vanityPattern", pattern: "^1\\d{2}(\\d)\\1{7}$", reason: "靓号：后8位相同" },
  { kind: "vanityPattern", pattern: "^1\\d{2}(?:01234567|12345678|23456789)$", reason: "靓号：后8位顺增" },
  { kind: "vanityPattern", pattern: "^1\\d{2}(?:98765432|87654321|76543210)$", reason: "靓号：后8位顺减" },
  { kind: "vanityPattern", pattern: "^1\\d{5}(\\d)\\1{4}$", reason: "靓号：尾号5位相同" },
  { kind: "vanityPattern", pattern: "^1\\d{2}(\\d{4})\\1$", reason: "靓号：后8位两段重复" },
  { kind: "platform", mobile: "15888888888", reason: "重要号码" },
  { kind: "platform", mobile: "13912345678", reason: "重要号码" },
  { kind: "platform", mobile: "13800138000", reason: "可能重要号码" },
  { kind: "highComplaint", mobile: "18900001234", reason: "高投诉风险号码" },
  { kind: "highComplaint", mobile: "13511110000", reason: "高投诉风险号码" },
  { kind: "highComplaint", mobile: "17098765000", reason: "高投诉风险号码" },
];

export interface SeedPlatformResult {
  platformAdmin: { id: string; mobile: string; email: string };
  dncEntries: number;
}

export async function seedPlatform(db: SeedDb): Promise<SeedPlatformResult> {
  const passwordHash = await demoPasswordHash();
  const admin = await db.user.upsert({
    where: { mobile: PLATFORM_ADMIN.mobile },
    update: { isPlatformAdmin: true, companyId: null, roleId: null, active: true },
    create: {
      name: PLATFORM_ADMIN.name,
      mobile: PLATFORM_ADMIN.mobile,
      email: PLATFORM_ADMIN.email,
      passwordHash,
      isPlatformAdmin: true,
      companyId: null,
      allClinics: false,
    },
  });

  // (companyId, kind, mobile) cannot be upserted while companyId or mobile is NULL, so add what is missing.
  const existing = await db.dncEntry.findMany({
    where: { companyId: null },
    select: { kind: true, mobile: true, pattern: true },
  });
  const have = new Set(existing.map((e) => `${e.kind}|${e.mobile ?? ""}|${e.pattern ?? ""}`));
  const missing = PLATFORM_DNC.filter((e) => {
    const mobile = "mobile" in e ? e.mobile : "";
    const pattern = "pattern" in e ? e.pattern : "";
    return !have.has(`${e.kind}|${mobile}|${pattern}`);
  });
  if (missing.length > 0) {
    await db.dncEntry.createMany({
      data: missing.map((e) => ({
        companyId: null,
        kind: e.kind,
        mobile: "mobile" in e ? e.mobile : null,
        pattern: "pattern" in e ? e.pattern : null,
        reason: e.reason,
        source: "manual",
      })),
    });
  }

  return {
    platformAdmin: { id: admin.id, mobile: PLATFORM_ADMIN.mobile, email: PLATFORM_ADMIN.email },
    dncEntries: existing.length + missing.length,
  };
}

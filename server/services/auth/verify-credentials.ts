import bcrypt from "bcryptjs";
import { prisma } from "@/server/db/client";
import { normalizeMobile } from "@/server/domain/patients/mobile";

/** Sign-in by mobile number or e-mail. Returns the session's user, or null for any failure (no account probing). */
export async function verifyCredentials(account: string, password: string) {
  const where = account.includes("@")
    ? { email: account.toLowerCase() }
    : { mobile: normalizeMobile(account) };
  const user = await prisma.user.findUnique({
    where,
    include: { role: true, userClinics: true, company: { include: { clinics: { select: { id: true } } } } },
  });
  const ok = user ? await bcrypt.compare(password, user.passwordHash) : await bcrypt.compare(password, DUMMY_HASH);
  if (!user || !ok || !user.active) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    companyId: user.companyId,
    roleKey: user.role?.key ?? null,
    clinicIds: user.allClinics
      ? (user.company?.clinics.map((c) => c.id) ?? [])
      : user.userClinics.map((uc) => uc.clinicId),
    isPlatformAdmin: user.isPlatformAdmin,
    sessionVersion: user.sessionVersion,
  };
}

// Compared against when the account does not exist, so both paths take the same time.
const DUMMY_HASH = "$2b$10$7CAGro6L9b176rh4Q67QH.AuefyfellSbGnqnqv/fkfhnYXUKCb22";

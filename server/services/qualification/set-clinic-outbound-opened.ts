import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { mayUseOutbound } from "@/server/domain/outbound/outbound-access";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { loadOutboundAccess } from "@/server/services/dialer/outbound/load-outbound-access";

export const setClinicOutboundOpenedInput = z.object({ clinicId: z.string().min(1), opened: z.boolean() });

/** FAQ Q4: further clinics are opened (or closed) by the platform, on the company's request to customer service. */
export async function setClinicOutboundOpened(db: PrismaClient, viewer: Viewer, raw: z.input<typeof setClinicOutboundOpenedInput>) {
  if (!viewer.isPlatformAdmin) throw AppError.forbidden("仅平台管理员可开通或关闭门店");
  const input = setClinicOutboundOpenedInput.parse(raw);
  return db.$transaction(async (tx) => {
    const clinic = await tx.clinic.findUnique({ where: { id: input.clinicId }, select: { id: true, companyId: true, shortName: true } });
    if (!clinic) throw AppError.notFound("门店");
    if (input.opened && !mayUseOutbound(await loadOutboundAccess(tx, clinic.companyId))) {
      throw new AppError("BAD_REQUEST", "该企业资质尚未审核通过，不能开通门店");
    }
    // Conditional on the current state, so a repeated or concurrent toggle changes (and audits) nothing twice.
    const changed = await tx.clinic.updateMany({
      where: { id: clinic.id, outboundOpenedAt: input.opened ? null : { not: null } },
      data: { outboundOpenedAt: input.opened ? new Date() : null },
    });
    const updated = await tx.clinic.findUniqueOrThrow({ where: { id: clinic.id }, select: { id: true, outboundOpenedAt: true } });
    if (changed.count === 0) return updated;
    await writeAuditLog(tx, {
      companyId: clinic.companyId,
      actorId: viewer.userId,
      action: input.opened ? "clinic.outbound.open" : "clinic.outbound.close",
      targetType: "clinic",
      targetId: clinic.id,
      data: { shortName: clinic.shortName },
    });
    return updated;
  });
}

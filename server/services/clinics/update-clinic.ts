import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { DEADLINE_LIMITS } from "@/server/domain/outcomes/follow-up-rules";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";

export const updateClinicInput = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, "请输入门诊名称").max(50, "门诊名称最多 50 个字"),
  shortName: z.string().trim().min(1, "请输入诊所简称").max(20, "诊所简称最多 20 个字"),
  address: z.string().trim().min(1, "请输入地址").max(120, "地址最多 120 个字"),
  phone: z
    .string()
    .trim()
    .max(20)
    .regex(/^[\d-]*$/, "电话只能包含数字和 -")
    .optional(),
  // 回访任务 deadlines; null = the product's default (docs/outcomes.md).
  followUpComplaintHours: z.number().int().min(DEADLINE_LIMITS.complaintHours.min).max(DEADLINE_LIMITS.complaintHours.max).nullable().optional(),
  followUpCallbackByHour: z.number().int().min(DEADLINE_LIMITS.byHour.min).max(DEADLINE_LIMITS.byHour.max).nullable().optional(),
  followUpOthersByHour: z.number().int().min(DEADLINE_LIMITS.byHour.min).max(DEADLINE_LIMITS.byHour.max).nullable().optional(),
  // 转人工: the Tencent CCC 技能组 (skill group) whose seats are this clinic's front desk; null = the AI never transfers.
  frontDeskSkillGroupId: z
    .number({ error: "技能组 ID 为数字" })
    .int("技能组 ID 为正整数")
    .min(1, "技能组 ID 为正整数")
    .max(2_147_483_647, "技能组 ID 过大")
    .nullable()
    .optional(),
});
export type UpdateClinicInput = z.input<typeof updateClinicInput>;

const deadlinesOf = (c: { followUpComplaintHours: number | null; followUpCallbackByHour: number | null; followUpOthersByHour: number | null; frontDeskSkillGroupId: number | null }) => ({
  followUpComplaintHours: c.followUpComplaintHours,
  followUpCallbackByHour: c.followUpCallbackByHour,
  followUpOthersByHour: c.followUpOthersByHour,
  frontDeskSkillGroupId: c.frontDeskSkillGroupId,
});

/** 诊所简称 and 地址 feed the calling scripts' 门店参数 and the front desk is where the AI transfers to, so every change is audited. */
export async function updateClinic(db: PrismaClient, scope: Scope, viewer: Viewer, raw: UpdateClinicInput) {
  const input = updateClinicInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.clinic.findFirst({
      where: { id: input.id, companyId: scope.companyId, AND: { id: { in: scope.clinicIds } } },
    });
    if (!before) throw AppError.notFound("门诊");
    const clinic = await tx.clinic.update({
      where: { id: before.id },
      data: {
        name: input.name,
        shortName: input.shortName,
        address: input.address,
        phone: input.phone || null,
        ...(input.followUpComplaintHours !== undefined ? { followUpComplaintHours: input.followUpComplaintHours } : {}),
        ...(input.followUpCallbackByHour !== undefined ? { followUpCallbackByHour: input.followUpCallbackByHour } : {}),
        ...(input.followUpOthersByHour !== undefined ? { followUpOthersByHour: input.followUpOthersByHour } : {}),
        ...(input.frontDeskSkillGroupId !== undefined ? { frontDeskSkillGroupId: input.frontDeskSkillGroupId } : {}),
      },
    });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "clinic.update",
      targetType: "clinic",
      targetId: clinic.id,
      data: {
        before: { name: before.name, shortName: before.shortName, address: before.address, phone: before.phone, ...deadlinesOf(before) },
        after: { name: clinic.name, shortName: clinic.shortName, address: clinic.address, phone: clinic.phone, ...deadlinesOf(clinic) },
      },
    });
    return clinic;
  });
}

import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { normalizeScriptName } from "@/server/domain/scripts/script-name";
import { isEditable } from "@/server/domain/scripts/script-status";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import type { Scope } from "@/server/domain/auth/scope";
import { duplicateName, isDuplicateName, resolveScriptForm } from "./resolve-script-form";
import { updateScriptInput, type UpdateScriptInput } from "./script-input";
import { assertManagesScript } from "./manageable-script";

/**
 * 编辑话术. The kind stays; a stopped script is final. Only a caller who manages every 适用门店 may edit
 * (`assertManagesScript`); 适用门店 outside their clinics would still be kept, should that rule ever widen.
 */
export async function updateScript(db: PrismaClient, scope: Scope, viewer: Viewer, raw: UpdateScriptInput) {
  const input = updateScriptInput.parse(raw);
  await assertManagesScript(db, scope, input.id);
  const existing = await db.script.findUniqueOrThrow({
    where: { id: input.id },
    select: { id: true, kind: true, status: true, name: true, clinics: { select: { clinicId: true } } },
  });
  if (!isEditable(existing.status)) throw new AppError("BAD_REQUEST", "话术已停用，不能再修改");
  const name = normalizeScriptName(input.name);
  const clash = await db.script.findFirst({ where: { companyId: scope.companyId, name, NOT: { id: existing.id } }, select: { id: true } });
  if (clash) throw duplicateName(name);
  const resolved = await resolveScriptForm(db, scope, existing.kind, input);
  const kept = existing.clinics.map((c) => c.clinicId).filter((id) => !scope.clinicIds.includes(id));
  const clinicIds = [...new Set([...kept, ...resolved.clinicIds])];
  try {
    return await db.$transaction(async (tx) => {
      await tx.scriptClinic.deleteMany({ where: { scriptId: existing.id } });
      const script = await tx.script.update({
        where: { id: existing.id },
        data: {
          ...resolved.data,
          ...(resolved.preview ? { preview: resolved.preview } : {}),
          clinics: { create: clinicIds.map((clinicId) => ({ clinicId })) },
        },
        select: { id: true, name: true, kind: true, status: true },
      });
      await writeAuditLog(tx, {
        companyId: scope.companyId,
        actorId: viewer.userId,
        action: "script.update",
        targetType: "script",
        targetId: script.id,
        data: { name: script.name, before: { name: existing.name } },
      });
      return script;
    });
  } catch (error) {
    if (isDuplicateName(error)) throw duplicateName(name);
    throw error;
  }
}

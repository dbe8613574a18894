import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { normalizeScriptName } from "@/server/domain/scripts/script-name";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import type { Scope } from "@/server/domain/auth/scope";
import { duplicateName, isDuplicateName, resolveScriptForm } from "./resolve-script-form";
import { createScriptInput, type CreateScriptInput } from "./script-input";

/** 新建话术 (AI or fixed). A new script is 启用: it can be chosen for calling at once. */
export async function createScript(db: PrismaClient, scope: Scope, viewer: Viewer, raw: CreateScriptInput) {
  const input = createScriptInput.parse(raw);
  const name = normalizeScriptName(input.name);
  if (await db.script.findFirst({ where: { companyId: scope.companyId, name }, select: { id: true } })) throw duplicateName(name);
  const resolved = await resolveScriptForm(db, scope, input.kind, input);
  try {
    return await db.$transaction(async (tx) => {
      const script = await tx.script.create({
        data: {
          companyId: scope.companyId,
          kind: input.kind,
          ...resolved.data,
          ...(resolved.preview ? { preview: resolved.preview } : {}),
          status: "enabled",
          createdById: viewer.userId,
          clinics: { create: resolved.clinicIds.map((clinicId) => ({ clinicId })) },
        },
        select: { id: true, name: true, kind: true, status: true },
      });
      await writeAuditLog(tx, {
        companyId: scope.companyId,
        actorId: viewer.userId,
        action: "script.create",
        targetType: "script",
        targetId: script.id,
        data: { name: script.name, kind: script.kind, template: resolved.template.name },
      });
      return script;
    });
  } catch (error) {
    if (isDuplicateName(error)) throw duplicateName(name);
    throw error;
  }
}

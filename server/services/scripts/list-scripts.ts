import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Scope } from "@/server/domain/auth/scope";
import { scriptSummarySelect } from "./script-summary";
import { visibleClinics, visibleScript } from "./visible-script";
import { SCRIPT_STATUSES } from "@/server/domain/scripts/script-status";
import { likeText } from "@/server/domain/validation/like-pattern";

export const listScriptsInput = z.object({
  kind: z.enum(["ai", "fixed"]),
  status: z.enum(SCRIPT_STATUSES).optional(),
  q: z.string().trim().max(30).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/** The 话术 list of one tab (AI话术 / 固定模版话术): 话术名称, 适用门店, 话术状态, 自动旅程专用. */
export async function listScripts(db: Tx, scope: Scope, raw: z.input<typeof listScriptsInput>) {
  const input = listScriptsInput.parse(raw);
  const where: Prisma.ScriptWhereInput = {
    ...visibleScript(scope),
    kind: input.kind,
    ...(input.status ? { status: input.status } : {}),
    ...(input.q ? { name: { contains: likeText(input.q) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.script.count({ where }),
    db.script.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        ...scriptSummarySelect,
        hangupSmsEnabled: true,
        updatedAt: true,
        template: { select: { name: true, companyId: true } },
        createdBy: { select: { name: true } },
      },
    }),
  ]);
  return {
    total,
    items: rows.map(({ template, clinics, createdBy, ...s }) => ({
      ...s,
      templateName: template.name,
      customTemplate: template.companyId !== null,
      clinics: visibleClinics(clinics, scope),
      createdBy: createdBy?.name ?? null,
    })),
  };
}

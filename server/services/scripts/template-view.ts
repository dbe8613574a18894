import type { Tx } from "@/server/db/create-client";
import { parseTemplateJson } from "@/server/domain/templates/template-schema";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";

const templateSelect = {
  id: true,
  companyId: true,
  key: true,
  kind: true,
  name: true,
  category: true,
  description: true,
  paramSchema: true,
  scenarios: true,
  intents: true,
  body: true,
  sortOrder: true,
  voice: { select: { id: true, key: true } },
} as const;

type TemplateRow = {
  id: string;
  companyId: string | null;
  key: string;
  kind: "ai" | "fixed";
  name: string;
  category: "service" | "marketing";
  description: string | null;
  paramSchema: unknown;
  scenarios: unknown;
  intents: unknown;
  body: string | null;
  sortOrder: number;
  voice: { id: string; key: string } | null;
};

export type TemplateView = ReturnType<typeof toTemplateView>;

export function toTemplateView(row: TemplateRow) {
  const { params, scenarios, intents } = parseTemplateJson(row);
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    name: row.name,
    category: row.category,
    description: row.description,
    /** 定制: the company's own template (FAQ Q1). */
    custom: row.companyId !== null,
    params,
    scenarios,
    intents,
    body: row.body,
    defaultVoiceId: row.voice?.id ?? null,
  };
}

/** Preset templates and the caller's company's own; any other company's template is NOT_FOUND. */
export const visibleTemplates = (scope: Scope) => ({ OR: [{ companyId: null }, { companyId: scope.companyId }] });

export async function listTemplates(db: Tx, scope: Scope, kind?: "ai" | "fixed") {
  const rows = await db.scriptTemplate.findMany({
    where: { ...visibleTemplates(scope), ...(kind ? { kind } : {}) },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: templateSelect,
  });
  return rows.map(toTemplateView);
}

export async function loadTemplate(db: Tx, scope: Scope, id: string) {
  const row = await db.scriptTemplate.findFirst({ where: { id, ...visibleTemplates(scope) }, select: templateSelect });
  if (!row) throw AppError.notFound("话术模版");
  return toTemplateView(row);
}

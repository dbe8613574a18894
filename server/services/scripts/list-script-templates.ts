import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { listTemplates } from "./template-view";

export const listScriptTemplatesInput = z.object({ kind: z.enum(["ai", "fixed"]).optional() }).default({});

/** 话术模版: presets first, then the company's 定制 templates. */
export function listScriptTemplates(db: Tx, scope: Scope, raw: z.input<typeof listScriptTemplatesInput>) {
  const input = listScriptTemplatesInput.parse(raw);
  return listTemplates(db, scope, input.kind);
}

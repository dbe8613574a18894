import type { Tx } from "@/server/db/create-client";
import { parseTranscript } from "@/server/domain/calls/transcript";
import { correctionCase } from "@/server/domain/intent/correction-case";
import { effectiveIntents } from "@/server/domain/intent/intent-labels";
import { intentOptions } from "@/server/domain/calls/intent-label";

/** Every call a manager corrected (optionally one company's, since a date), as evaluation cases, oldest first. */
export async function exportIntentCorrections(db: Tx, options: { companyId?: string; since?: Date } = {}) {
  const calls = await db.call.findMany({
    where: {
      intentCorrectedAt: { not: null, ...(options.since ? { gte: options.since } : {}) },
      ...(options.companyId ? { companyId: options.companyId } : {}),
    },
    orderBy: [{ intentCorrectedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      companyId: true,
      mobile: true,
      transcript: true,
      intent: true,
      intentBeforeCorrection: true,
      reachedParty: true,
      complaint: true,
      callbackRequested: true,
      proposedTime: true,
      script: { select: { preview: true, intentLabels: true, template: { select: { key: true, intents: true } } } },
    },
  });
  const optedOut = new Set(
    (
      await db.dncEntry.findMany({ where: { kind: "optOut", callId: { in: calls.map((c) => c.id) } }, select: { callId: true } })
    ).map((d) => d.callId),
  );
  return calls.map((c) => {
    const templateIntents = intentOptions(c.script.template.intents);
    return correctionCase({
      id: c.id,
      templateKey: c.script.template.key,
      templateIntents,
      scriptIntents: effectiveIntents(c.script.intentLabels, intentOptions(c.script.preview, templateIntents)),
      turns: parseTranscript(c.transcript),
      intent: c.intent,
      intentBeforeCorrection: c.intentBeforeCorrection,
      reachedParty: c.reachedParty,
      optedOut: optedOut.has(c.id),
      complaint: c.complaint,
      callbackRequested: c.callbackRequested,
      proposedTime: c.proposedTime,
    });
  });
}

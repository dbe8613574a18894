import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { toCallAnalysisJobView } from "./call-analysis-job-view";
import { analysisClinicIds } from "./start-call-analysis";

export const getCallAnalysisJobInput = z.object({ scriptId: z.string().min(1), callId: z.string().min(1).optional() });

/** The latest 重新分析 job of a script (or of one of its calls) for the caller's clinics (`analysisClinicIds`), or null. */
export async function getCallAnalysisJob(db: Tx, scope: Scope, raw: z.input<typeof getCallAnalysisJobInput>) {
  const input = getCallAnalysisJobInput.parse(raw);
  const job = await db.callAnalysisJob.findFirst({
    where: { companyId: scope.companyId, scriptId: input.scriptId, callId: input.callId ?? null, clinicIds: { equals: await analysisClinicIds(db, scope) } },
    orderBy: { createdAt: "desc" },
  });
  return job ? toCallAnalysisJobView(job) : null;
}

import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { segmentDefinition } from "@/server/domain/segments/segment-definition";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { countSegmentPatients, evaluationZone, sampleSegmentPatients } from "./evaluate-segment";

export const countSegmentInput = z.object({
  definition: segmentDefinition,
  /** Count within one clinic (a journey's) and in its time zone; otherwise over every allowed clinic. */
  clinicId: z.string().min(1).optional(),
});
export type CountSegmentInput = z.input<typeof countSegmentInput>;

/** The live count the segment editor shows while conditions change. */
export async function countSegment(db: Tx, scope: Scope, raw: CountSegmentInput, now = new Date()) {
  const input = countSegmentInput.parse(raw);
  if (input.clinicId && !scope.clinicIds.includes(input.clinicId)) throw AppError.notFound("门店");
  const clinicIds = input.clinicId ? [input.clinicId] : scope.clinicIds;
  const timeZone = await evaluationZone(db, scope.companyId, clinicIds, input.clinicId);
  const segScope = { companyId: scope.companyId, clinicIds };
  const clock = { now, timeZone };
  const [count, sample] = await Promise.all([
    countSegmentPatients(db, segScope, input.definition, clock),
    sampleSegmentPatients(db, segScope, input.definition, clock),
  ]);
  return { count, sample };
}

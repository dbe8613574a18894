import type { PrismaClient } from "@/server/db/create-client";
import type { ApiCaller } from "../api-keys";
import { ApiProblem } from "../api-problem";

export interface ApiContext {
  db: PrismaClient;
  caller: ApiCaller;
  now: Date;
}

export const notFound = (zh: string, en: string) => new ApiProblem("notFound", { "zh-CN": `${zh}不存在`, en: `${en} not found.` });

export async function requireClinic(ctx: ApiContext, clinicId: string) {
  const clinic = await ctx.db.clinic.findFirst({ where: { id: clinicId, companyId: ctx.caller.companyId }, select: { id: true } });
  if (!clinic) throw notFound("诊所", "Clinic");
  return clinic.id;
}

export async function resolvePatient(ctx: ApiContext, ref: { patientId?: string; patientExternalId?: string }) {
  const patient = await ctx.db.patient.findFirst({
    where: { companyId: ctx.caller.companyId, ...(ref.patientId ? { id: ref.patientId } : { externalId: ref.patientExternalId }) },
    select: { id: true },
  });
  if (!patient) throw notFound("患者", "Patient");
  return patient.id;
}

import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Prisma } from "@/server/generated/prisma/client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { maskMobile, normalizeMobile } from "@/server/domain/patients/mobile";
import type { Scope } from "@/server/domain/auth/scope";
import { likeText } from "@/server/domain/validation/like-pattern";

export const listPatientsInput = z.object({
  q: z.string().trim().max(50).optional(),
  clinicId: z.string().optional(),
  consultantId: z.string().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(100).default(20),
});
export type ListPatientsInput = z.input<typeof listPatientsInput>;

export async function listPatients(db: Tx, scope: Scope, viewer: Viewer, raw: ListPatientsInput) {
  const input = listPatientsInput.parse(raw);
  const clinicIds = input.clinicId ? scope.clinicIds.filter((id) => id === input.clinicId) : scope.clinicIds;
  const where: Prisma.PatientWhereInput = {
    companyId: scope.companyId,
    clinicId: { in: clinicIds },
    ...(input.consultantId ? { consultantId: input.consultantId } : {}),
    ...(input.q ? { OR: searchConditions(input.q) } : {}),
  };
  const [total, rows] = await Promise.all([
    db.patient.count({ where }),
    db.patient.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      include: {
        clinic: { select: { id: true, shortName: true } },
        consultant: { select: { id: true, name: true } },
        onlineConsultant: { select: { id: true, name: true } },
      },
    }),
  ]);
  const showMobile = can(viewer, "patients.mobile.view");
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((p) => ({
      id: p.id,
      name: p.name,
      gender: p.gender,
      mobile: showMobile ? (p.mobile ?? "") : maskMobile(p.mobile),
      hasOwnMobile: p.hasOwnMobile,
      medicalRecordNo: p.medicalRecordNo,
      registered: p.registered,
      clinic: p.clinic,
      consultant: p.consultant,
      onlineConsultant: p.onlineConsultant,
      createdAt: p.createdAt,
    })),
  };
}

function searchConditions(q: string): Prisma.PatientWhereInput[] {
  const digits = normalizeMobile(q);
  const conditions: Prisma.PatientWhereInput[] = [
    { name: { contains: likeText(q) } },
    { medicalRecordNo: { contains: likeText(q), mode: "insensitive" } },
  ];
  if (/^\d{3,11}$/.test(digits)) conditions.push({ mobile: { contains: digits } });
  return conditions;
}

import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Prisma } from "@/server/generated/prisma/client";
import { likeText } from "@/server/domain/validation/like-pattern";

export const listQualificationApplicationsInput = z.object({
  status: z.enum(["pending", "approved", "rejected"]).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
});
export type ListQualificationApplicationsInput = z.input<typeof listQualificationApplicationsInput>;

const select = {
  id: true,
  status: true,
  companyName: true,
  applicantName: true,
  applicantMobile: true,
  submittedAt: true,
  reviewedAt: true,
  rejectReason: true,
  company: { select: { id: true, name: true } },
  reviewer: { select: { name: true } },
  _count: { select: { documents: true } },
} satisfies Prisma.QualificationApplicationSelect;

/**
 * The platform review queue: submitted applications (drafts are the company's business), pending first and oldest
 * first among them (first come, first reviewed), then the reviewed ones, most recent first. Search by company name.
 */
export async function listQualificationApplications(db: Tx, raw: ListQualificationApplicationsInput) {
  const input = listQualificationApplicationsInput.parse(raw);
  const search: Prisma.QualificationApplicationWhereInput = input.q
    ? { OR: [{ companyName: { contains: likeText(input.q), mode: "insensitive" } }, { company: { name: { contains: likeText(input.q), mode: "insensitive" } } }] }
    : {};
  const pendingWhere = { ...search, status: "pending" as const };
  const reviewedWhere: Prisma.QualificationApplicationWhereInput = {
    ...search,
    status: input.status && input.status !== "pending" ? input.status : { in: ["approved", "rejected"] },
  };
  const wantPending = !input.status || input.status === "pending";
  const wantReviewed = input.status !== "pending";

  const [pendingTotal, reviewedTotal, counts] = await Promise.all([
    wantPending ? db.qualificationApplication.count({ where: pendingWhere }) : 0,
    wantReviewed ? db.qualificationApplication.count({ where: reviewedWhere }) : 0,
    db.qualificationApplication.groupBy({ by: ["status"], where: { ...search, status: { not: "draft" } }, _count: { _all: true } }),
  ]);

  // Page over "pending ++ reviewed" without loading either list whole.
  const offset = (input.page - 1) * input.pageSize;
  const pendingTake = Math.max(0, Math.min(input.pageSize, pendingTotal - offset));
  const reviewedSkip = Math.max(0, offset - pendingTotal);
  const reviewedTake = input.pageSize - pendingTake;
  const [pending, reviewed] = await Promise.all([
    pendingTake > 0
      ? db.qualificationApplication.findMany({ where: pendingWhere, select, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], skip: offset, take: pendingTake })
      : [],
    wantReviewed && reviewedTake > 0
      ? db.qualificationApplication.findMany({
          where: reviewedWhere,
          select,
          orderBy: [{ reviewedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
          skip: reviewedSkip,
          take: reviewedTake,
        })
      : [],
  ]);

  const countOf = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  return {
    total: pendingTotal + reviewedTotal,
    page: input.page,
    pageSize: input.pageSize,
    counts: { pending: countOf("pending"), approved: countOf("approved"), rejected: countOf("rejected") },
    items: [...pending, ...reviewed].map(({ _count, ...a }) => ({ ...a, documentCount: _count.documents })),
  };
}

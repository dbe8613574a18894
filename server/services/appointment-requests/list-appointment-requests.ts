import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";

export const listAppointmentRequestsInput = z.object({
  status: z.enum(["pending", "confirmed", "rejected"]).default("pending"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(100).default(20),
});
export type ListAppointmentRequestsInput = z.input<typeof listAppointmentRequestsInput>;

/** 预约意向: times patients proposed on calls, for the front desk (oldest pending first). */
export async function listAppointmentRequests(db: Tx, scope: Scope, raw: ListAppointmentRequestsInput) {
  const input = listAppointmentRequestsInput.parse(raw);
  const where = { companyId: scope.companyId, clinicId: { in: scope.clinicIds }, status: input.status };
  const [total, items] = await Promise.all([
    db.appointmentRequest.count({ where }),
    db.appointmentRequest.findMany({
      where,
      orderBy: input.status === "pending" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ decidedAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        said: true,
        slotStart: true,
        slotEnd: true,
        item: true,
        status: true,
        note: true,
        createdAt: true,
        callId: true,
        appointmentId: true,
        patient: { select: { id: true, name: true } },
        clinic: { select: { id: true, shortName: true, timezone: true } },
      },
    }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, items };
}

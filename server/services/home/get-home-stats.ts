import type { Tx } from "@/server/db/create-client";
import { localDayRange } from "@/server/domain/time/local-day";
import type { Scope } from "@/server/domain/auth/scope";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";


export async function getHomeStats(db: Tx, scope: Scope, now: Date) {
  const today = localDayRange(now, DEFAULT_TIME_ZONE, 0);
  const tomorrow = localDayRange(now, DEFAULT_TIME_ZONE, 1);
  const inScope = { companyId: scope.companyId, clinicId: { in: scope.clinicIds } };
  const [patients, appointmentsToday, appointmentsTomorrow, followUpsPending, followUpsOverdue, openedClinics] = await Promise.all([
    db.patient.count({ where: inScope }),
    db.appointment.count({ where: { ...inScope, startsAt: { gte: today.start, lt: today.end }, status: { not: "cancelled" } } }),
    db.appointment.count({ where: { ...inScope, startsAt: { gte: tomorrow.start, lt: tomorrow.end }, status: { not: "cancelled" } } }),
    db.followUpTask.count({ where: { ...inScope, status: "pending" } }),
    db.followUpTask.count({ where: { ...inScope, status: "pending", dueAt: { lt: now } } }),
    db.clinic.findMany({
      where: { companyId: scope.companyId, id: { in: scope.clinicIds }, outboundOpenedAt: { not: null } },
      select: { id: true, shortName: true },
    }),
  ]);
  return { patients, appointmentsToday, appointmentsTomorrow, followUpsPending, followUpsOverdue, openedClinics };
}

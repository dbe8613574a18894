import type { Tx } from "@/server/db/create-client";
import { parseAppointmentSlot } from "@/server/domain/outcomes/appointment-slot";
import {
  assignFollowUp,
  deadlinePolicyOf,
  followUpDueAt,
  followUpReasons,
  openKeyOf,
  type CallNeeds,
  type FollowUpReason,
} from "@/server/domain/outcomes/follow-up-rules";
import { queueAppointmentRequestEvent, queueFollowUpTaskCreated } from "@/server/services/webhooks/emit-webhook-event";

const TITLES: Record<FollowUpReason, string> = {
  complaint: "投诉处理",
  callback: "需回电",
  transferUnanswered: "转人工未接通",
  discomfort: "术后不适回访",
  appointment: "预约意向确认",
};

/**
 * 回访任务 from an analysed call (docs/outcomes.md), in the transaction that stores the analysis. Idempotent: a task
 * this call already produced is updated, never repeated (重新分析 runs here again), and a patient has one open task per
 * reason — a later call updates it (its 小结, trigger sentence and call) instead of adding another. A proposed time also
 * becomes a pending 预约意向; an appointment is only ever made by a person confirming it. A task or request created here
 * queues its webhook (follow_up_task.created, appointment_request.created) in the same transaction: `deliveryIds` are
 * for the caller to request after the commit.
 */
export async function createFollowUpsFromCall(tx: Tx, callId: string, needs: CallNeeds, now = new Date()): Promise<{ taskIds: string[]; deliveryIds: string[] }> {
  const reasons = followUpReasons(needs);
  const deliveryIds: string[] = [];
  if (!reasons.length) return { taskIds: [], deliveryIds };
  const call = await tx.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      companyId: true,
      clinicId: true,
      patientId: true,
      dialedAt: true,
      endedAt: true,
      summary: true,
      triggerSentence: true,
      script: { select: { name: true, category: true, params: true } },
      patient: { select: { consultantId: true, onlineConsultantId: true } },
      clinic: { select: { timezone: true, followUpComplaintHours: true, followUpCallbackByHour: true, followUpOthersByHour: true } },
    },
  });
  if (!call) return { taskIds: [], deliveryIds };
  const at = call.endedAt ?? call.dialedAt;
  const frontDesk = await tx.user.findMany({
    where: {
      companyId: call.companyId,
      active: true,
      role: { key: "frontDesk" },
      OR: [{ allClinics: true }, { userClinics: { some: { clinicId: call.clinicId } } }],
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const { executorId } = assignFollowUp({
    category: call.script.category,
    consultantId: call.patient.consultantId,
    onlineConsultantId: call.patient.onlineConsultantId,
    frontDeskIds: frontDesk.map((u) => u.id),
  });
  const content = call.summary ?? (needs.proposedTime ? `患者提出：${needs.proposedTime}` : null);
  const taskIds: string[] = [];
  for (const reason of reasons) {
    const fromThisCall = await tx.followUpTask.findFirst({ where: { callId: call.id, reason }, select: { id: true, status: true } });
    const openKey = openKeyOf(call.patientId, reason);
    const update = { content, triggerSentence: call.triggerSentence, callId: call.id };
    let id: string;
    if (fromThisCall) {
      if (fromThisCall.status === "pending") await tx.followUpTask.update({ where: { id: fromThisCall.id }, data: update });
      id = fromThisCall.id;
    } else if (await handledSince(tx, call.patientId, reason, at)) {
      // 重新分析 of a call whose request a person has already dealt with (completed after the call): nothing to reopen.
      continue;
    } else {
      const open = await tx.followUpTask.findUnique({ where: { openKey }, select: { id: true } });
      const task = await tx.followUpTask.upsert({
        where: { openKey },
        update,
        create: {
          companyId: call.companyId,
          clinicId: call.clinicId,
          patientId: call.patientId,
          kind: "revisit",
          reason,
          openKey,
          title: `${TITLES[reason]}（${call.script.name}）`,
          dueAt: followUpDueAt(reason, at, call.clinic.timezone, deadlinePolicyOf(call.clinic)),
          executorId,
          ...update,
        },
        select: { id: true },
      });
      id = task.id;
      if (!open) deliveryIds.push(...(await queueFollowUpTaskCreated(tx, id, now)));
    }
    taskIds.push(id);
    if (reason === "appointment" && needs.proposedTime) {
      const slot = parseAppointmentSlot(needs.proposedTime, at, call.clinic.timezone);
      const params = (call.script.params ?? {}) as Record<string, unknown>;
      const item = typeof params.project === "string" && params.project ? params.project : call.script.name;
      // Once per call (ON CONFLICT DO NOTHING on callId): only a request made now is returned, and announced.
      const [request] = await tx.appointmentRequest.createManyAndReturn({
        select: { id: true },
        skipDuplicates: true,
        data: [
          {
            companyId: call.companyId,
            clinicId: call.clinicId,
            patientId: call.patientId,
            callId: call.id,
            followUpTaskId: id,
            said: needs.proposedTime,
            slotStart: slot?.start ?? null,
            slotEnd: slot?.end ?? null,
            item,
          },
        ],
      });
      if (request) deliveryIds.push(...(await queueAppointmentRequestEvent(tx, "appointment_request.created", request.id, now)));
    }
  }
  return { taskIds, deliveryIds };
}

/** A task for this patient and reason was completed after `at`: someone already acted on what the call asked. */
async function handledSince(tx: Tx, patientId: string, reason: FollowUpReason, at: Date) {
  const done = await tx.followUpTask.findFirst({ where: { patientId, reason, status: "done", completedAt: { gte: at } }, select: { id: true } });
  return done !== null;
}

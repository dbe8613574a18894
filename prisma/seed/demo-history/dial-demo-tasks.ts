/**
 * Plays the dial engine over past call tasks, for the demo's history: each pending task is decided by the calling
 * policy (`decide`, with the number's real 30-day history from the database), placed on the carrier simulator's call
 * model (`planCall`: the same outcome shares, personas and dialogue walk as live calls), its intent classified by the
 * app's classifier, redialed after the company's interval, debited, and its 挂机短信 decided by the product's rules.
 * The results are written as the dial engine writes them (Call, CallTask, Recording, SmsMessage, ledgers), in bulk.
 * Recording rows are written without audio (sizeBytes 0): the mp3 is rendered on first play (render-missing-recording).
 */
import { randomUUID } from "node:crypto";
import { planCall } from "../../../server/adapters/carrier/simulator/plan-call";
import { ruleBasedClassifier } from "../../../server/adapters/intent/rule-based-classifier";
import { callVariableValues } from "../../../server/domain/call-tasks/call-variable-values";
import { checkTaskCreation } from "../../../server/domain/call-tasks/creation-checks";
import { decide, planAfterAttempt } from "../../../server/domain/calling-policy";
import { decideHangupSms, renderSms, smsPlaceholderValues } from "../../../server/domain/sms/hangup-sms";
import { smsSegments } from "../../../server/domain/sms/sms-template";
import { redialOutcomeOf, unreachedOutcomeOf } from "../../../server/domain/calls/unreached-outcome";
import { clientRefOf } from "../../../server/domain/call-tasks/client-ref";
import { toCallOutcome } from "../../../server/domain/calls/call-outcome";
import type { CreateCallInput } from "../../../server/ports/carrier";
import { billedMinutes } from "../../../server/services/dialer/call-balance";
import { hasData, loadPatientCallData } from "../../../server/services/dialer/load-patient-call-data";
import { loadCallHistory, loadDnc } from "../../../server/services/dialer/load-policy-inputs";
import type { PrismaClient } from "../db";
import { newId } from "../ids";
import type { CallRow } from "../seed-call-records";
import type { DemoScript, DialContext } from "./dial-context";
import { Writes } from "./dial-writes";

/** Seconds between two dials of one batch (well under the 60-a-minute throttle). */
const DIAL_SPACING_SEC = 17;
const UNREACHABLE = new Set(["poweredOff", "emptyNumber", "suspended", "failed"]);

export interface DialSummary {
  dialed: number;
  calls: number;
  answered: number;
  intercepted: number;
  failed: number;
  leftPending: number;
}

interface TaskRow {
  id: string;
  clinicId: string;
  scriptId: string;
  patientId: string;
  mobile: string | null;
  attempt: number;
  maxAttempts: number;
}

/** Dials the given pending tasks from `start` on, one every few seconds; tasks due after `now` stay pending. */
export async function dialDemoTasks(db: PrismaClient, ctx: DialContext, taskIds: readonly string[], start: Date, now: Date): Promise<DialSummary> {
  const summary: DialSummary = { dialed: 0, calls: 0, answered: 0, intercepted: 0, failed: 0, leftPending: 0 };
  if (taskIds.length === 0) return summary;
  const { companyId, company, scripts, clinics } = ctx;
  const tasks = await db.callTask.findMany({
    where: { id: { in: [...taskIds] }, companyId, status: "pending" },
    select: { id: true, clinicId: true, scriptId: true, patientId: true, mobile: true, attempt: true, maxAttempts: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (tasks.length === 0) return summary;
  const patients = new Map(
    (
      await db.patient.findMany({
        where: { id: { in: tasks.map((t) => t.patientId) } },
        select: { id: true, name: true, gender: true, hasOwnMobile: true, registered: true, consultantId: true, onlineConsultantId: true },
      })
    ).map((p) => [p.id, p]),
  );
  const requirements = [...new Set(tasks.flatMap((t) => scripts.get(t.scriptId)!.requirements))];
  const callData = await loadPatientCallData(db, tasks.map((t) => t.patientId), requirements, start);
  const mobiles = [...new Set(tasks.flatMap((t) => (t.mobile ? [t.mobile] : [])))];
  const history = await loadCallHistory(db, companyId, mobiles, start);
  const dnc = await db.$transaction((tx) => loadDnc(tx, companyId, mobiles));

  const out = new Writes();
  let at = start.getTime();
  for (const task of tasks) {
    const dialAt = new Date(at);
    if (dialAt > now || !task.mobile) {
      summary.leftPending += 1;
      continue;
    }
    at += DIAL_SPACING_SEC * 1000;
    const script = scripts.get(task.scriptId)!;
    const patient = patients.get(task.patientId)!;
    const clinic = clinics.get(task.clinicId)!;
    const data = callData.get(task.patientId)!;
    const failure = checkTaskCreation({
      scriptStatus: "enabled",
      patient: { mobile: task.mobile, hasOwnMobile: patient.hasOwnMobile, registered: patient.registered },
      clinic: { opened: clinic.outboundOpenedAt !== null, inScript: true },
      requirements: script.requirements,
      has: hasData(data),
    });
    if (failure) {
      out.task(task.id, { status: "failed", reason: failure, attempt: task.attempt, finishedAt: dialAt });
      summary.failed += 1;
      continue;
    }
    const variables = callVariableValues({ patient: { name: patient.name, gender: patient.gender }, clinic, ...data }, dialAt, clinic.timezone);
    const input: Omit<CreateCallInput, "clientRef"> = { callee: task.mobile, script: script.snapshot, variables };
    const past = history.get(task.mobile) ?? [];
    history.set(task.mobile, past);

    let attempt = task.attempt;
    let when = dialAt;
    let last: { outcome: string; intent: string | null; endedAt: Date } | null = null;
    let texted = false;
    for (;;) {
      const decision = decide(
        { id: task.id, scriptId: task.scriptId, mobile: task.mobile },
        {
          timeZone: clinic.timezone,
          category: script.category,
          limits: company,
          seats: { companyActive: 0, scriptActive: 0 },
          recentDials: { count: 0, oldestAt: null },
          history: past.filter((p) => p.dialedAt < when),
          dnc: dnc(task.mobile),
        },
        when,
      );
      if (decision.kind === "intercept") {
        out.task(task.id, { status: "intercepted", reason: decision.rule, attempt, finishedAt: when, lastOutcome: last?.outcome, intent: last?.intent });
        summary.intercepted += 1;
        break;
      }
      if (when > now || (decision.kind === "defer" && decision.until > now)) {
        const reason = decision.kind === "defer" ? decision.rule : attempt > 0 ? "redialScheduled" : null;
        out.task(task.id, { status: "pending", reason, attempt, nextAttemptAt: decision.kind === "defer" ? decision.until : when, lastOutcome: last?.outcome, intent: last?.intent });
        summary.leftPending += 1;
        break;
      }
      if (decision.kind === "defer") {
        when = decision.until; // judged again when it falls due, as the dialer does
        continue;
      }
      attempt += 1;
      const call = await placeCall(input, task, attempt, when, script, patient, clinic);
      out.calls.push(call.row);
      past.push({ taskId: task.id, scriptId: task.scriptId, category: script.category, dialedAt: call.row.dialedAt, answered: call.answered, inProgress: false });
      summary.calls += 1;
      if (call.answered) summary.answered += 1;
      if (call.recording) out.recordings.push(call.recording);
      if (call.minutes > 0) out.balance.push({ companyId, delta: -call.minutes, reason: "call", callId: call.row.id, createdAt: call.row.endedAt });
      if (call.optOut) out.optOuts.set(task.mobile, call.optOut);
      const next = planAfterAttempt(call.redialAs, attempt, call.row.endedAt, { maxAttempts: task.maxAttempts, intervalMin: company.redialIntervalMin });
      const sms = hangupSms(script, call, patient, clinic, variables, { redialPending: next.kind === "redial", outreachAlreadyTexted: texted });
      if (sms) {
        texted = true;
        const enough = ctx.smsQuota >= sms.segments;
        const failedDelivery = enough && stableUnit(call.row.id) < 0.04;
        const id = newId();
        out.sms.push({
          id,
          companyId,
          patientId: task.patientId,
          callId: call.row.id,
          templateId: sms.templateId,
          mobile: task.mobile,
          content: sms.text,
          status: enough && !failedDelivery ? "sent" : "failed",
          error: enough ? (failedDelivery ? "DELIVRD_FAIL: 用户终端不可达" : null) : "insufficientSmsQuota",
          createdAt: call.row.endedAt,
          sentAt: enough && !failedDelivery ? new Date(call.row.endedAt.getTime() + 4000) : null,
        });
        if (enough) {
          ctx.smsQuota -= sms.segments;
          out.quota.push({ companyId, delta: -sms.segments, reason: "hangupSms", refId: id, createdAt: call.row.endedAt });
        }
      }
      last = { outcome: call.row.outcome, intent: call.row.intent ?? null, endedAt: call.row.endedAt };
      if (next.kind === "done") {
        out.task(task.id, { status: "ended", reason: null, attempt, finishedAt: call.row.endedAt, lastOutcome: call.row.outcome, intent: call.row.intent ?? null });
        break;
      }
      when = next.at;
    }
    summary.dialed += 1;
  }
  await out.write(db, companyId);
  return summary;
}

type Patient = { id: string; name: string; consultantId: string | null; onlineConsultantId: string | null };
type Clinic = { id: string; shortName: string; phone: string | null };

async function placeCall(
  input: Omit<CreateCallInput, "clientRef">,
  task: TaskRow,
  attempt: number,
  at: Date,
  script: DemoScript,
  patient: Patient,
  _clinic: Clinic,
) {
  const carrierCallId = `demo_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const plan = planCall({ ...input, clientRef: clientRefOf(task.id, attempt) }, carrierCallId);
  // What answered decides the 通话状态 as in applyAttemptResult: a voicemail or a wrong number is not reached.
  const unreached = unreachedOutcomeOf({ outcome: plan.outcome, turns: plan.turns });
  const outcome = unreached ?? toCallOutcome(plan.outcome);
  const connected = plan.outcome === "answered";
  const answered = outcome === "answered";
  const dialedAt = new Date(at.getTime() + plan.queueSeconds * 1000);
  const answeredAt = connected ? new Date(dialedAt.getTime() + plan.ringSeconds * 1000) : null;
  const endedAt = new Date((answeredAt ?? dialedAt).getTime() + (connected ? plan.talkSeconds : plan.ringSeconds) * 1000);
  const classified = await ruleBasedClassifier.classify({
    category: script.category,
    intents: script.snapshot.dialogues.intents,
    dialogues: script.snapshot.dialogues,
    answered: connected,
    notAnsweredKind: UNREACHABLE.has(outcome) ? "unreachable" : "noAnswer",
    turns: plan.turns,
    hangupBy: plan.hangupBy,
  });
  const id = newId();
  const row: CallRow = {
    id,
    companyId: script.companyId,
    clinicId: task.clinicId,
    scriptId: task.scriptId,
    taskId: task.id,
    patientId: task.patientId,
    mobile: task.mobile!,
    attempt,
    carrierCallId,
    outcome,
    carrierOutcome: plan.outcome,
    rawCode: plan.rawCode,
    callerId: plan.callerId,
    hangupBy: plan.hangupBy,
    ringSec: plan.ringSeconds,
    dialedAt,
    answeredAt,
    endedAt,
    durationSec: connected ? plan.talkSeconds : 0,
    rounds: plan.rounds,
    intent: classified.intent,
    intentRule: classified.rule,
    callbackRequested: classified.callbackRequested,
    proposedTime: classified.proposedTime,
    reachedParty: connected ? classified.reached : null,
    complaint: classified.complaint,
    triggerSentence: classified.trigger,
    intentConfidence: classified.confidence,
    analysisStatus: "rules",
    analyzedBy: ruleBasedClassifier.name,
    analyzedAt: endedAt,
    transcript: plan.turns.length ? plan.turns.map((t) => ({ speaker: t.speaker, text: t.text, at: t.at })) : undefined,
    consultantId: patient.consultantId,
    onlineConsultantId: patient.onlineConsultantId,
    createdAt: dialedAt,
  };
  return {
    row,
    answered,
    carrierOutcome: plan.outcome,
    redialAs: unreached ? redialOutcomeOf(unreached) : plan.outcome,
    optOut: classified.optOut ? { callId: id, trigger: classified.trigger } : null,
    minutes: billedMinutes(plan.talkSeconds, connected),
    recording: connected
      ? { callId: id, storageKey: `recordings/${script.companyId}/${id}.mp3`, mimeType: "audio/mpeg", durationSec: plan.talkSeconds, sizeBytes: 0, createdAt: endedAt }
      : null,
  };
}

function hangupSms(
  script: DemoScript,
  call: { row: CallRow; carrierOutcome: string },
  patient: Patient,
  clinic: Clinic,
  variables: Record<string, string>,
  outreach: { redialPending: boolean; outreachAlreadyTexted: boolean },
) {
  const decision = decideHangupSms({
    ...outreach,
    enabled: script.hangupSmsEnabled,
    outcome: call.row.outcome,
    carrierOutcome: call.carrierOutcome,
    answered: script.hangupSmsAnsweredTemplate,
    unanswered: script.hangupSmsUnansweredTemplate,
  });
  if (!decision.send) return null;
  const { text } = renderSms(decision.content, smsPlaceholderValues(variables, { patientName: patient.name, clinicPhone: clinic.phone }));
  return { templateId: decision.templateId, text, segments: smsSegments(text) };
}

function stableUnit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}


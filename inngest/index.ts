import type { InngestFunction } from "inngest";
import { dialerTick } from "./functions/dialer-tick";
import { placeCall } from "./functions/place-call";
import { callEnded, callEndedPipeline } from "./functions/call-ended";
import { recordingReady } from "./functions/recording-ready";
import { reconcileCarrierCallsJob } from "./functions/reconcile-carrier-calls";
import { journeyRun } from "./functions/journey-run";
import { callAnalysis } from "./functions/call-analysis";
import { patientImport } from "./functions/patient-import";
import { webhookDeliver, webhookRetry } from "./functions/webhook-deliver";
import { monitorAlertsJob } from "./functions/monitor-alerts";
import { smsStatusPull } from "./functions/sms-status-pull";
import { recordingRetention } from "./functions/recording-retention";
import { outcomesRecredit } from "./functions/outcomes-recredit";

/** Every Inngest function of the app, served by app/api/inngest/route.ts and run by the in-process driver. */
export const functions: InngestFunction.Any[] = [dialerTick, placeCall, callEnded, callEndedPipeline, recordingReady, reconcileCarrierCallsJob, journeyRun, callAnalysis, patientImport, webhookDeliver, webhookRetry, monitorAlertsJob, smsStatusPull, recordingRetention, outcomesRecredit];

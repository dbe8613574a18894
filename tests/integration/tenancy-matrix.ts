/**
 * The tenancy matrix: for every tRPC procedure, the input to call it with (built from company A's real ids) and what
 * must happen when it is called
 *  - `other`: as company B's admin (B approved for 智能外呼, so outbound procedures reach their lookups), and
 *  - `noPerm`: as a member of company A whose role has no permission at all.
 * Outcomes: a tRPC error code (BAD_REQUEST only where the message is the same for a missing id, e.g. 「所选门店不存在或无权访问」); "ownData" = succeeds but returns none of company A's ids; "allowed" = any signed-in
 * member may call it (no permission guards it); "noTenantInput" = a mutation whose input names no row of another tenant
 * (it only ever writes the caller's own company), so it is not called cross-tenant — the test checks the input indeed
 * carries none of A's ids.
 * A third axis, `clinic`: company A's 诊所管理员 of clinic X with clinic Y's ids (MatrixEntry.clinic).
 * `tenancy-matrix.int.test.ts` fails for a procedure missing here.
 * One line per procedure: add yours in the router's order.
 */
export type Outcome = "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST" | "ownData" | "allowed" | "noTenantInput";
export interface AIds {
  companyId: string;
  clinicId: string;
  otherClinicId: string;
  patientId: string;
  scriptId: string;
  callId: string;
  batchId: string;
  templateId: string;
  voiceId: string;
  journeyId: string;
  entryNodeId: string;
  segmentId: string;
  smsTemplateId: string;
  roleId: string;
  /** A member of company A (前台). */
  staffUserId: string;
  applicationId: string;
  importJobId: string;
  apiKeyId: string;
  webhookId: string;
  webhookDeliveryId: string;
}
export interface MatrixEntry {
  input: (a: AIds) => unknown;
  other: Outcome;
  noPerm: Outcome;
  /**
   * As the 诊所管理员 of clinic X (静安店) with the ids of clinic Y (徐汇店) of the same company: a script for Y only with
   * its calls and batch, a patient of Y, a journey of Y whose entry uses a segment. "ownData" = none of Y's rows come
   * back; "noTenantInput" = a mutation whose input names no row of Y (company-wide rows only: the noPerm axis decides).
   */
  clinic: Outcome;
}

export const entryGraph = (a: AIds) => ({
  nodes: [{ id: a.entryNodeId, kind: "entry" as const, position: { x: 0, y: 0 }, config: { segmentId: a.segmentId, schedule: null } }],
  edges: [],
});
const scriptForm = (a: AIds) => ({ name: "矩阵测试话术", templateId: a.templateId, clinicIds: [a.clinicId], voiceId: a.voiceId });
const segmentForm = (a: AIds) => ({ name: "矩阵测试人群", definition: { conditions: [{ kind: "clinic", clinicIds: [a.clinicId] }] } });

export const MATRIX: Record<string, MatrixEntry> = {
  me: { input: () => undefined, other: "ownData", noPerm: "allowed", clinic: "ownData" },
  "patients.list": { input: (a) => ({ clinicId: a.clinicId }), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "patients.byId": { input: (a) => ({ id: a.patientId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "patients.consultants": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "patients.importStart": { input: (a) => ({ jobId: a.importJobId, mapping: { name: "姓名", mobile: "手机号" }, duplicateMode: "skip" }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "patients.importStatus": { input: (a) => ({ jobId: a.importJobId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "clinics.list": { input: () => undefined, other: "ownData", noPerm: "allowed", clinic: "ownData" },
  "clinics.update": { input: (a) => ({ id: a.clinicId, name: "x", shortName: "x", address: "x" }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "roles.list": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "roles.setPermission": { input: (a) => ({ roleId: a.roleId, permission: "outbound.view", granted: true }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "staff.list": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "staff.forceSignOut": { input: (a) => ({ userId: a.staffUserId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "outbound.overview": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "callRecords.list": { input: (a) => ({ scriptId: a.scriptId }), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "callRecords.byId": { input: (a) => ({ id: a.callId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "callRecords.intents": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "callRecords.filterOptions": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "callRecords.summary": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "callRecords.reanalyze": { input: (a) => ({ scriptId: a.scriptId, callId: a.callId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "callRecords.analysisJob": { input: (a) => ({ scriptId: a.scriptId }), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "callRecords.correctIntent": { input: (a) => ({ callId: a.callId, intent: null }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "callRecords.undoOptOut": { input: (a) => ({ callId: a.callId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "batchCall.patients": { input: (a) => ({ ids: [a.patientId] }), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "batchCall.preview": { input: (a) => ({ scriptId: a.scriptId, patientIds: [a.patientId] }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "batchCall.start": { input: (a) => ({ scriptId: a.scriptId, patientIds: [a.patientId] }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "batchCall.progress": { input: (a) => ({ batchId: a.batchId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "batchCall.list": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "batchCall.change": { input: (a) => ({ batchId: a.batchId, action: "resume" }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "batchCall.scriptDialogues": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "followUps.timeline": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "followUps.patientTimeline": { input: (a) => ({ patientId: a.patientId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "followUps.tasks": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "followUps.complete": { input: (a) => ({ id: a.callId, outcome: "reached" }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "followUps.appointmentRequests": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "followUps.confirmAppointmentRequest": { input: (a) => ({ id: a.callId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "followUps.rejectAppointmentRequest": { input: (a) => ({ id: a.callId, note: "x" }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "outboundManagement.scripts": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "outboundManagement.detail": { input: (a) => ({ id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "outboundManagement.roster": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "outboundManagement.callingHold": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "outboundManagement.resumeCalling": { input: () => ({}), other: "noTenantInput", noPerm: "FORBIDDEN", clinic: "noTenantInput" },
  "outboundManagement.vendorCapacity": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "outboundManagement.aiCallFeatures": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "outboundManagement.updateAiCallFeatures": {
    input: () => ({ voicemailDetection: true, maxRingSeconds: 45, acquireTimeoutSeconds: 5, silence: { promptAfterSeconds: 10, prompt: "您好？", maxPrompts: 2, hangUpAfterSeconds: 40 }, extraction: true, transferToFrontDesk: true, complianceAudio: true }),
    other: "noTenantInput",
    noPerm: "FORBIDDEN",
    clinic: "noTenantInput",
  },
  "qualification.mine": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "qualification.saveApplicant": { input: () => ({ applicantName: "x", applicantMobile: "13900000000", companyName: "x", termsAccepted: true }), other: "noTenantInput", noPerm: "FORBIDDEN", clinic: "noTenantInput" },
  "qualification.submit": { input: () => undefined, other: "noTenantInput", noPerm: "FORBIDDEN", clinic: "noTenantInput" },
  "qualificationReview.list": { input: () => ({}), other: "FORBIDDEN", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "qualificationReview.byId": { input: (a) => ({ id: a.applicationId }), other: "FORBIDDEN", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "qualificationReview.approve": { input: (a) => ({ id: a.applicationId, clinicIds: [a.clinicId] }), other: "FORBIDDEN", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "qualificationReview.reject": { input: (a) => ({ id: a.applicationId, reason: "x" }), other: "FORBIDDEN", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "qualificationReview.setClinicOpened": { input: (a) => ({ clinicId: a.otherClinicId, opened: true }), other: "FORBIDDEN", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "qualificationReview.vendorCapacity": { input: () => ({}), other: "FORBIDDEN", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "segments.list": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "segments.options": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "segments.count": { input: (a) => ({ definition: segmentForm(a).definition, clinicId: a.clinicId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "segments.create": { input: (a) => segmentForm(a), other: "BAD_REQUEST", noPerm: "FORBIDDEN", clinic: "BAD_REQUEST" },
  "segments.update": { input: (a) => ({ id: a.segmentId, ...segmentForm(a) }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "segments.delete": { input: (a) => ({ id: a.segmentId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "journeys.list": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "journeys.byId": { input: (a) => ({ id: a.journeyId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "journeys.create": { input: (a) => ({ name: "矩阵测试旅程", clinicId: a.clinicId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "journeys.save": { input: (a) => ({ id: a.journeyId, name: "x", graph: entryGraph(a) }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "journeys.changeStatus": { input: (a) => ({ id: a.journeyId, action: "end" }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "journeys.delete": { input: (a) => ({ id: a.journeyId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "journeys.scripts": { input: (a) => ({ journeyId: a.journeyId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "journeys.roster": { input: (a) => ({ journeyId: a.journeyId, nodeId: a.entryNodeId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "journeys.nodeMetrics": { input: (a) => ({ journeyId: a.journeyId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "journeys.dashboard": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "scripts.list": { input: () => ({ kind: "ai" }), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "scripts.byId": { input: (a) => ({ id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "scripts.templates": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "scripts.voices": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "scripts.smsOptions": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "scripts.generate": { input: (a) => ({ templateId: a.templateId, clinicIds: [a.clinicId] }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "BAD_REQUEST" },
  "scripts.create": { input: (a) => ({ ...scriptForm(a), kind: "fixed" }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "BAD_REQUEST" },
  "scripts.update": { input: (a) => ({ ...scriptForm(a), id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "scripts.enable": { input: (a) => ({ id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "scripts.pause": { input: (a) => ({ id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "scripts.stop": { input: (a) => ({ id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "scripts.audio": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "scripts.callable": { input: () => ({ forJourney: false }), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "scripts.clinics": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "scripts.intentLabels": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "scripts.updateIntentLabels": { input: (a) => ({ scriptId: a.scriptId, labels: [{ key: "interested", label: "有意向" }] }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "sms.templates": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "sms.createTemplate": { input: () => ({ name: "矩阵测试短信", content: "您好" }), other: "noTenantInput", noPerm: "FORBIDDEN", clinic: "noTenantInput" },
  "sms.updateTemplate": { input: (a) => ({ id: a.smsTemplateId, name: "x", content: "您好" }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "noTenantInput" },
  "sms.setVendorTemplate": { input: (a) => ({ id: a.smsTemplateId, vendorTemplateId: "1234567" }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "noTenantInput" },
  "sms.quota": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "sms.messages": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "sms.reviewList": { input: () => ({}), other: "FORBIDDEN", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "sms.review": { input: (a) => ({ id: a.smsTemplateId, approve: true }), other: "FORBIDDEN", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "integrations.apiKeys": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "integrations.createApiKey": { input: () => ({ name: "矩阵密钥", scopes: ["read"] }), other: "noTenantInput", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "integrations.revokeApiKey": { input: (a) => ({ id: a.apiKeyId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "integrations.webhooks": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "integrations.createWebhook": { input: () => ({ url: "https://example.com/hook", events: ["call.ended"] }), other: "noTenantInput", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "integrations.deleteWebhook": { input: (a) => ({ id: a.webhookId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "integrations.webhookDeliveries": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "integrations.redeliverWebhook": { input: (a) => ({ id: a.webhookDeliveryId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "outcomes.scriptFunnels": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "monitor.snapshot": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "monitor.live": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "monitor.alertSettings": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "monitor.updateAlertSettings": { input: () => ({ balanceMinutes: 100, answerRatePercent: 15, interceptedPercent: 50, smsMobile: null, byWebhook: false }), other: "noTenantInput", noPerm: "FORBIDDEN", clinic: "noTenantInput" },
  "monitor.platform": { input: () => undefined, other: "FORBIDDEN", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "monitor.platformLive": { input: () => undefined, other: "FORBIDDEN", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
  "scripts.variants": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "scripts.saveVariants": { input: (a) => ({ scriptId: a.scriptId, variants: [{ name: "A", sharePercent: 50, voiceId: a.voiceId }, { name: "B", sharePercent: 50 }] }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "scripts.endAbTest": { input: (a) => ({ scriptId: a.scriptId, keepVariantId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "outcomes.funnel": { input: (a) => ({ scriptId: a.scriptId, clinicId: a.clinicId, batchId: a.batchId, journeyId: a.journeyId }), other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "outcomes.abTests": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "outcomes.variantTest": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN", clinic: "NOT_FOUND" },
  "outcomes.settings": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN", clinic: "ownData" },
  "outcomes.updateSettings": { input: () => ({ windowDays: 30, callPriceCentsPerMinute: 12, smsPriceCents: 5 }), other: "noTenantInput", noPerm: "FORBIDDEN", clinic: "FORBIDDEN" },
};

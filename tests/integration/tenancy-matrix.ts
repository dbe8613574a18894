/**
 * The tenancy matrix: for every tRPC procedure, the input to call it with (built from company A's real ids) and what
 * must happen when it is called
 *  - `other`: as company B's admin (B approved for 智能外呼, so outbound procedures reach their lookups), and
 *  - `noPerm`: as a member of company A whose role has no permission at all.
 * Outcomes: a tRPC error code (BAD_REQUEST only where the message is the same for a missing id, e.g. 「所选门店不存在或无权访问」); "ownData" = succeeds but returns none of company A's ids; "allowed" = any signed-in
 * member may call it (no permission guards it); "noTenantInput" = a mutation whose input names no row of another tenant
 * (it only ever writes the caller's own company), so it is not called cross-tenant — the test checks the input indeed
 * carries none of A's ids. `tenancy-matrix.int.test.ts` fails for a procedure missing here.
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
}

const entryGraph = (a: AIds) => ({
  nodes: [{ id: a.entryNodeId, kind: "entry", position: { x: 0, y: 0 }, config: { segmentId: a.segmentId, schedule: null } }],
  edges: [],
});
const scriptForm = (a: AIds) => ({ name: "矩阵测试话术", templateId: a.templateId, clinicIds: [a.clinicId], voiceId: a.voiceId });
const segmentForm = (a: AIds) => ({ name: "矩阵测试人群", definition: { conditions: [{ kind: "clinic", clinicIds: [a.clinicId] }] } });

export const MATRIX: Record<string, MatrixEntry> = {
  me: { input: () => undefined, other: "ownData", noPerm: "allowed" },
  "patients.list": { input: (a) => ({ clinicId: a.clinicId }), other: "ownData", noPerm: "FORBIDDEN" },
  "patients.byId": { input: (a) => ({ id: a.patientId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "patients.consultants": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "patients.importStart": { input: (a) => ({ jobId: a.importJobId, mapping: { name: "姓名", mobile: "手机号" }, duplicateMode: "skip" }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "patients.importStatus": { input: (a) => ({ jobId: a.importJobId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "clinics.list": { input: () => undefined, other: "ownData", noPerm: "allowed" },
  "clinics.update": { input: (a) => ({ id: a.clinicId, name: "x", shortName: "x", address: "x" }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "roles.list": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "roles.setPermission": { input: (a) => ({ roleId: a.roleId, permission: "outbound.view", granted: true }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "outbound.overview": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "callRecords.list": { input: (a) => ({ scriptId: a.scriptId }), other: "ownData", noPerm: "FORBIDDEN" },
  "callRecords.byId": { input: (a) => ({ id: a.callId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "callRecords.intents": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "callRecords.filterOptions": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "callRecords.summary": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "callRecords.reanalyze": { input: (a) => ({ scriptId: a.scriptId, callId: a.callId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "callRecords.analysisJob": { input: (a) => ({ scriptId: a.scriptId }), other: "ownData", noPerm: "FORBIDDEN" },
  "callRecords.correctIntent": { input: (a) => ({ callId: a.callId, intent: null }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "callRecords.undoOptOut": { input: (a) => ({ callId: a.callId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "batchCall.patients": { input: (a) => ({ ids: [a.patientId] }), other: "ownData", noPerm: "FORBIDDEN" },
  "batchCall.preview": { input: (a) => ({ scriptId: a.scriptId, patientIds: [a.patientId] }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "batchCall.start": { input: (a) => ({ scriptId: a.scriptId, patientIds: [a.patientId] }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "batchCall.progress": { input: (a) => ({ batchId: a.batchId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "batchCall.list": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "batchCall.change": { input: (a) => ({ batchId: a.batchId, action: "resume" }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "batchCall.scriptDialogues": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "followUps.timeline": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "followUps.patientTimeline": { input: (a) => ({ patientId: a.patientId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "followUps.tasks": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "followUps.complete": { input: (a) => ({ id: a.callId, outcome: "reached" }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "followUps.appointmentRequests": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "followUps.confirmAppointmentRequest": { input: (a) => ({ id: a.callId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "followUps.rejectAppointmentRequest": { input: (a) => ({ id: a.callId, note: "x" }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "outboundManagement.scripts": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "outboundManagement.detail": { input: (a) => ({ id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "outboundManagement.roster": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "outboundManagement.callingHold": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "outboundManagement.resumeCalling": { input: () => ({}), other: "noTenantInput", noPerm: "FORBIDDEN" },
  "outboundManagement.vendorCapacity": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "qualification.mine": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "qualification.saveApplicant": { input: () => ({ applicantName: "x", applicantMobile: "13900000000", companyName: "x", termsAccepted: true }), other: "noTenantInput", noPerm: "FORBIDDEN" },
  "qualification.submit": { input: () => undefined, other: "noTenantInput", noPerm: "FORBIDDEN" },
  "qualificationReview.list": { input: () => ({}), other: "FORBIDDEN", noPerm: "FORBIDDEN" },
  "qualificationReview.byId": { input: (a) => ({ id: a.applicationId }), other: "FORBIDDEN", noPerm: "FORBIDDEN" },
  "qualificationReview.approve": { input: (a) => ({ id: a.applicationId, clinicIds: [a.clinicId] }), other: "FORBIDDEN", noPerm: "FORBIDDEN" },
  "qualificationReview.reject": { input: (a) => ({ id: a.applicationId, reason: "x" }), other: "FORBIDDEN", noPerm: "FORBIDDEN" },
  "qualificationReview.setClinicOpened": { input: (a) => ({ clinicId: a.otherClinicId, opened: true }), other: "FORBIDDEN", noPerm: "FORBIDDEN" },
  "qualificationReview.vendorCapacity": { input: () => ({}), other: "FORBIDDEN", noPerm: "FORBIDDEN" },
  "segments.list": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "segments.options": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "segments.count": { input: (a) => ({ definition: segmentForm(a).definition, clinicId: a.clinicId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "segments.create": { input: (a) => segmentForm(a), other: "BAD_REQUEST", noPerm: "FORBIDDEN" },
  "segments.update": { input: (a) => ({ id: a.segmentId, ...segmentForm(a) }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "segments.delete": { input: (a) => ({ id: a.segmentId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "journeys.list": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "journeys.byId": { input: (a) => ({ id: a.journeyId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "journeys.create": { input: (a) => ({ name: "矩阵测试旅程", clinicId: a.clinicId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "journeys.save": { input: (a) => ({ id: a.journeyId, name: "x", graph: entryGraph(a) }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "journeys.changeStatus": { input: (a) => ({ id: a.journeyId, action: "end" }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "journeys.delete": { input: (a) => ({ id: a.journeyId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "journeys.scripts": { input: (a) => ({ journeyId: a.journeyId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "journeys.roster": { input: (a) => ({ journeyId: a.journeyId, nodeId: a.entryNodeId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "journeys.nodeMetrics": { input: (a) => ({ journeyId: a.journeyId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "journeys.dashboard": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "scripts.list": { input: () => ({ kind: "ai" }), other: "ownData", noPerm: "FORBIDDEN" },
  "scripts.byId": { input: (a) => ({ id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "scripts.templates": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "scripts.voices": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "scripts.smsOptions": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "scripts.generate": { input: (a) => ({ templateId: a.templateId, clinicIds: [a.clinicId] }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "scripts.create": { input: (a) => ({ ...scriptForm(a), kind: "fixed" }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "scripts.update": { input: (a) => ({ ...scriptForm(a), id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "scripts.enable": { input: (a) => ({ id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "scripts.pause": { input: (a) => ({ id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "scripts.stop": { input: (a) => ({ id: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "scripts.audio": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "scripts.callable": { input: () => ({ forJourney: false }), other: "ownData", noPerm: "FORBIDDEN" },
  "scripts.clinics": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "scripts.intentLabels": { input: (a) => ({ scriptId: a.scriptId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "scripts.updateIntentLabels": { input: (a) => ({ scriptId: a.scriptId, labels: [{ key: "interested", label: "有意向" }] }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "sms.templates": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "sms.createTemplate": { input: () => ({ name: "矩阵测试短信", content: "您好" }), other: "noTenantInput", noPerm: "FORBIDDEN" },
  "sms.updateTemplate": { input: (a) => ({ id: a.smsTemplateId, name: "x", content: "您好" }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "sms.setVendorTemplate": { input: (a) => ({ id: a.smsTemplateId, vendorTemplateId: "1234567" }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "sms.quota": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "sms.messages": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "sms.reviewList": { input: () => ({}), other: "FORBIDDEN", noPerm: "FORBIDDEN" },
  "sms.review": { input: (a) => ({ id: a.smsTemplateId, approve: true }), other: "FORBIDDEN", noPerm: "FORBIDDEN" },
  "integrations.apiKeys": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "integrations.createApiKey": { input: () => ({ name: "矩阵密钥", scopes: ["read"] }), other: "noTenantInput", noPerm: "FORBIDDEN" },
  "integrations.revokeApiKey": { input: (a) => ({ id: a.apiKeyId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "integrations.webhooks": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "integrations.createWebhook": { input: () => ({ url: "https://example.com/hook", events: ["call.ended"] }), other: "noTenantInput", noPerm: "FORBIDDEN" },
  "integrations.deleteWebhook": { input: (a) => ({ id: a.webhookId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "integrations.webhookDeliveries": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "integrations.redeliverWebhook": { input: (a) => ({ id: a.webhookDeliveryId }), other: "NOT_FOUND", noPerm: "FORBIDDEN" },
  "outcomes.scriptFunnels": { input: () => undefined, other: "ownData", noPerm: "FORBIDDEN" },
  "monitor.snapshot": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
  "monitor.live": { input: () => ({}), other: "ownData", noPerm: "FORBIDDEN" },
};

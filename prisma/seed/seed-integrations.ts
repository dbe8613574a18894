import type { PrismaClient } from "./db";

/**
 * 开放接口 in the demo: one Webhook endpoint of the chain's HIS (paused, so the demo never posts to the outside) with a
 * short delivery log — delivered, retried then delivered, and given up — so the log and 重发 can be seen. API keys are
 * not seeded: a key is shown only when created.
 */
export async function seedIntegrationsDemo(db: PrismaClient, companyId: string, now: Date) {
  const endpoint = await db.webhookEndpoint.create({
    data: { companyId, url: "https://his.example.com/hooks/waihu", secret: "whsec_demo_0123456789abcdef0123456789abcdef", events: ["call.ended", "follow_up_task.created", "appointment_request.created", "appointment_request.confirmed", "batch.finished"], active: false },
  });
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const payload = (id: string, event = "call.ended") => ({ id, event, occurredAt: ago(60).toISOString(), data: { demo: true } });
  await db.webhookDelivery.createMany({
    data: [
      { companyId, endpointId: endpoint.id, event: "call.ended", eventId: "demo-1", payload: payload("demo-1"), status: "succeeded", attempts: 1, lastStatusCode: 200, lastLatencyMs: 84, createdAt: ago(50), deliveredAt: ago(50) },
      { companyId, endpointId: endpoint.id, event: "call.ended", eventId: "demo-2", payload: payload("demo-2"), status: "succeeded", attempts: 3, lastStatusCode: 204, lastLatencyMs: 132, createdAt: ago(40), deliveredAt: ago(27) },
      { companyId, endpointId: endpoint.id, event: "batch.finished", eventId: "demo-4", payload: payload("demo-4", "batch.finished"), status: "succeeded", attempts: 1, lastStatusCode: 200, lastLatencyMs: 96, createdAt: ago(30), deliveredAt: ago(30) },
      { companyId, endpointId: endpoint.id, event: "call.ended", eventId: "demo-3", payload: payload("demo-3"), status: "failed", attempts: 12, lastStatusCode: 503, lastLatencyMs: 2_013, lastError: "HTTP 503", createdAt: ago(25 * 60) },
    ],
  });
}

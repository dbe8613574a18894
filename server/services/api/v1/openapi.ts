import { z } from "zod";
import { PROBLEMS } from "@/server/domain/api/problem";
import { WEBHOOK_EVENTS } from "@/server/domain/webhooks/webhooks";
import * as s from "./schemas";
import { WEBHOOK_DATA, WEBHOOK_SUMMARIES } from "./webhook-schemas";

export interface ApiOperation {
  method: "get" | "post";
  path: string;
  operationId: string;
  summary: string;
  scope: "read" | "write";
  body?: z.ZodType;
  query?: z.ZodObject;
  response: z.ZodType;
  /** Status of a created resource (an upsert that updated answers 200). */
  created?: boolean;
}

/** Every /api/v1 operation: the route handlers validate with these schemas, and the OpenAPI document is built from them. */
export const API_OPERATIONS: ApiOperation[] = [
  { method: "get", path: "/clinics", operationId: "listClinics", summary: "诊所列表 / List clinics", scope: "read", response: s.clinicList },
  { method: "post", path: "/patients", operationId: "upsertPatient", summary: "新增或更新患者（按 externalId，或手机号）/ Upsert a patient by externalId or mobile", scope: "write", body: s.upsertPatientBody, response: s.patientOut, created: true },
  { method: "post", path: "/appointments", operationId: "upsertAppointment", summary: "新增或更新预约（按 externalId）/ Upsert an appointment by externalId", scope: "write", body: s.upsertAppointmentBody, response: s.appointmentOut, created: true },
  { method: "post", path: "/visits", operationId: "upsertVisit", summary: "新增或更新到诊（按 externalId）/ Upsert a visit by externalId", scope: "write", body: s.upsertVisitBody, response: s.visitOut, created: true },
  {
    method: "post",
    path: "/treatment-deductions",
    operationId: "upsertTreatmentDeduction",
    summary: "新增或更新消费/划扣（按 externalId）/ Upsert a treatment deduction (spending) by externalId",
    scope: "write",
    body: s.upsertTreatmentDeductionBody,
    response: s.treatmentDeductionOut,
    created: true,
  },
  { method: "post", path: "/dnc-entries", operationId: "addDncEntry", summary: "加入禁呼名单 / Add a do-not-call entry", scope: "write", body: s.dncBody, response: s.dncOut, created: true },
  { method: "post", path: "/batch-calls", operationId: "startBatchCall", summary: "用话术批量外呼一组患者 / Start a batch call on a script", scope: "write", body: s.batchCallBody, response: s.batchCallOut, created: true },
  { method: "get", path: "/calls", operationId: "listCalls", summary: "通话及分析（游标分页，updatedSince 过滤）/ Calls with analysis, cursor-paginated", scope: "read", query: s.listCallsQuery, response: s.callPage },
  { method: "get", path: "/calls/{id}", operationId: "getCall", summary: "单个通话及分析 / One call with its analysis", scope: "read", response: s.callOut },
];

const problemSchema = {
  type: "object",
  required: ["type", "title", "status", "detail", "code", "messages"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string", description: "The message in the language of Accept-Language (Chinese unless English is preferred)" },
    code: { type: "string", enum: Object.keys(PROBLEMS) },
    messages: { type: "object", properties: { "zh-CN": { type: "string" }, en: { type: "string" } }, required: ["zh-CN", "en"] },
    errors: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
  },
};

const schemaOf = (schema: z.ZodType, io: "input" | "output") => {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

/** The OpenAPI 3.1 document of /api/v1 (JSON Schema 2020-12 from the zod schemas). */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    const problems = (codes: (keyof typeof PROBLEMS)[]) =>
      Object.fromEntries(codes.map((c) => [String(PROBLEMS[c].status), { description: PROBLEMS[c].title, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } }]));
    const parameters: unknown[] = [];
    if (op.path.includes("{id}")) parameters.push({ name: "id", in: "path", required: true, schema: { type: "string" } });
    if (op.query) {
      const q = schemaOf(op.query, "input") as { properties: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties)) parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema });
    }
    if (op.method === "post") {
      parameters.push({ name: "Idempotency-Key", in: "header", required: false, description: "A retry with the same key and body gets the first answer again (kept 24 h)", schema: { type: "string", maxLength: 200 } });
    }
    paths[`/api/v1${op.path}`] = {
      ...(paths[`/api/v1${op.path}`] ?? {}),
      [op.method]: {
        operationId: op.operationId,
        summary: op.summary,
        security: [{ bearer: [] }],
        "x-scope": op.scope,
        ...(parameters.length ? { parameters } : {}),
        ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body, "input") } } } } : {}),
        responses: {
          ...(op.created ? { "201": { description: "Created", content: { "application/json": { schema: schemaOf(op.response, "output") } } } } : {}),
          "200": { description: op.created ? "Updated (or already there)" : "OK", content: { "application/json": { schema: schemaOf(op.response, "output") } } },
          ...problems(["unauthorized", "forbidden", "notFound", "validation", "rateLimited"]),
        },
      },
    };
  }
  const signatureHeaders = [
    { name: "X-Zw-Event", in: "header", required: true, schema: { type: "string" } },
    { name: "X-Zw-Delivery", in: "header", required: true, description: "The delivery's id, the same on every retry", schema: { type: "string" } },
    { name: "X-Zw-Timestamp", in: "header", required: true, description: "Unix seconds when this attempt was signed", schema: { type: "string" } },
    { name: "X-Zw-Signature", in: "header", required: true, description: 'v1= + hex HMAC-SHA256 of "<X-Zw-Timestamp>.<raw body>" with the endpoint\'s secret', schema: { type: "string" } },
  ];
  const webhooks = Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => [
      event,
      {
        post: {
          summary: WEBHOOK_SUMMARIES[event],
          parameters: signatureHeaders,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["id", "event", "occurredAt", "data"],
                  properties: {
                    id: { type: "string", description: `"${event}:<object id>": the same on every retry and 重发` },
                    event: { const: event },
                    occurredAt: { type: "string" },
                    data: schemaOf(WEBHOOK_DATA[event], "output"),
                  },
                },
              },
            },
          },
          responses: { "2XX": { description: "Received (anything else, or no answer within 10 s, is retried with backoff for 24 h)" } },
        },
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "智能外呼 Open API",
      version: "1.0.0",
      description: "Patients, appointments, visits and treatment deductions in; batch calls started; calls and their analysis out. Errors are RFC 9457 problem details with Chinese and English messages. Rate limit: 120 requests per minute per key.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key from 管理 → 开放接口 (zwk_…)" } },
      schemas: { Problem: problemSchema },
    },
    paths,
    webhooks,
  };
}

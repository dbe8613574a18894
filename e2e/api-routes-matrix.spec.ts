import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createStorage } from "../server/adapters/storage";
import { ACCOUNTS, PASSWORD, sql } from "./helpers";
import { COMPANY_A, removeRecordsFixture, seedRecordsFixture } from "./call-records-fixtures";

/**
 * The app/api half of the tenancy matrix (the tRPC half is tests/integration/tenancy-matrix.int.test.ts): every route
 * handler, called with company A's real ids by company A's admin (the control), company B's admin, 前台 (no 智能外呼
 * permissions) and — the clinic-scope axis — 静安店's 诊所管理员: the fixture script serves only clinics outside theirs
 * and the call is of such a clinic (徐汇店 …), so clinic-scoped rows must answer as missing; company-wide rows (TTS audio,
 * a qualification document) follow the role's permissions. Routes are listed from the file system, so a new route without
 * an entry here fails.
 */
type Ids = { scriptId: string; callId: string; audioHash: string; documentId: string; importJobId: string };
type Expect = { self: number; other: number; noPerm: number; clinic: number };
type Route = { url: (ids: Ids) => string } & Expect;
type Unsessioned = { unsessioned: string; check?: (request: APIRequestContext) => Promise<void> };

const ROUTES: Record<string, Route | Unsessioned> = {
  "/api/call-records/[id]/recording": { url: (i) => `/api/call-records/${i.callId}/recording`, self: 200, other: 404, noPerm: 403, clinic: 404 },
  "/api/sms/messages/export": { url: () => "/api/sms/messages/export", self: 200, other: 200, noPerm: 403, clinic: 200 },
  "/api/script-rosters/[id]/export": { url: (i) => `/api/script-rosters/${i.scriptId}/export`, self: 200, other: 404, noPerm: 403, clinic: 404 },
  // 诊所管理员 holds no 导入客户 permission.
  "/api/patient-imports/[id]/errors": { url: (i) => `/api/patient-imports/${i.importJobId}/errors`, self: 200, other: 404, noPerm: 403, clinic: 403 },
  "/api/patient-imports": {
    unsessioned: "POST uploads a file into the caller's own company (no id in the request); anonymous → 401",
    check: async (request) => expect((await request.post("/api/patient-imports", { multipart: { x: "1" } })).status()).toBe(401),
  },
  "/api/outbound/audio/[hash]": { url: (i) => `/api/outbound/audio/${i.audioHash}`, self: 200, other: 404, noPerm: 403, clinic: 200 },
  "/api/outbound/voices/[key]/sample": { url: () => "/api/outbound/voices/no-such-voice/sample", self: 404, other: 404, noPerm: 403, clinic: 404 },
  "/api/qualification/documents/[id]": { url: (i) => `/api/qualification/documents/${i.documentId}`, self: 200, other: 404, noPerm: 404, clinic: 200 },
  "/api/qualification/documents": {
    unsessioned: "POST uploads into the caller's own company's application only (no id in the request); anonymous → 401",
    check: async (request) => expect((await request.post("/api/qualification/documents", { multipart: { kind: "license" } })).status()).toBe(401),
  },
  ...Object.fromEntries(
    [
      ["/api/v1/clinics", "get"],
      ["/api/v1/patients", "post"],
      ["/api/v1/appointments", "post"],
      ["/api/v1/visits", "post"],
      ["/api/v1/treatment-deductions", "post"],
      ["/api/v1/dnc-entries", "post"],
      ["/api/v1/batch-calls", "post"],
      ["/api/v1/calls", "get"],
      ["/api/v1/calls/[id]", "get"],
    ].map(([route, method]) => [
      route!,
      {
        unsessioned: "open API: a company's API key (Bearer), never the session; tenancy in tests/integration/open-api.int.test.ts",
        check: async (request: APIRequestContext) => {
          const url = route!.replace("[id]", "x");
          const res = method === "get" ? await request.get(url) : await request.post(url, { data: {} });
          expect(res.status(), url).toBe(401);
          expect(res.headers()["content-type"]).toContain("application/problem+json");
        },
      },
    ]),
  ),
  "/api/v1/openapi.json": {
    unsessioned: "the public OpenAPI document of /api/v1",
    check: async (request) => expect(((await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string }).openapi).toBe("3.1.0"),
  },
  "/api/v1/docs": {
    unsessioned: "the public reference page of /api/v1",
    check: async (request) => expect((await request.get("/api/v1/docs")).status()).toBe(200),
  },
  "/api/trpc/[trpc]": { unsessioned: "every procedure is in the tRPC matrix (tests/integration/tenancy-matrix.ts)" },
  "/api/auth/[...nextauth]": { unsessioned: "Auth.js sign-in/out endpoints" },
  "/api/inngest": { unsessioned: "Inngest serve endpoint: requests are signed with INNGEST_SIGNING_KEY" },
  "/api/carrier/webhook": {
    unsessioned: "carrier pushes, HMAC-signed",
    check: async (request) => expect((await request.post("/api/carrier/webhook", { data: { events: [] } })).status()).toBe(401),
  },
  "/api/sms/receipts": {
    unsessioned: "SMS provider delivery receipts, authenticated by the provider adapter (token in the callback URL)",
    check: async (request) => expect([401, 404]).toContain((await request.post("/api/sms/receipts", { data: [] })).status()),
  },
  "/api/health": {
    unsessioned: "liveness for load balancers and the fault bench: says only whether the database answers",
    check: async (request) => {
      const res = await request.get("/api/health");
      expect(res.status()).toBe(200);
      expect(Object.keys(await res.json()).sort()).toEqual(["db", "ok"]);
    },
  },
  "/api/carrier/sim/recordings/[id]": {
    unsessioned: "carrier simulator's expiring signed recording links",
    check: async (request) => expect((await request.get("/api/carrier/sim/recordings/sim-abc?expires=1&signature=x")).status()).not.toBe(200),
  },
};

function apiRoutes(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return apiRoutes(path);
    return name === "route.ts" ? [`/${relative("app", dir)}`] : [];
  });
}

let ids: Ids;
let bApprovalId: string;
let aDraftId: string;
let importJobId: string;
test.beforeAll(async () => {
  const records = await seedRecordsFixture("e2e-接口矩阵话术", 6);
  const [company] = await sql<{ id: string }>(`SELECT id FROM "Company" WHERE name = $1`, [COMPANY_A]);
  const storage = createStorage(process.env);
  const audioHash = randomBytes(16).toString("hex");
  await storage.put(`tts/${company!.id}/${audioHash}.mp3`, new Uint8Array([0xff, 0xfb, 0x90, 0x00]), { contentType: "audio/mpeg" });
  // An old draft of company A (older than its approved one, so the company's standing is unchanged) holds the document.
  const [app] = await sql<{ id: string }>(
    `INSERT INTO "QualificationApplication" (id, "companyId", "applicantName", "applicantMobile", "companyName", "createdAt", "updatedAt")
     VALUES ($1, $2, '矩阵', '13900000002', '矩阵', '2000-01-01', now()) RETURNING id`,
    [`e2e_a_draft_${audioHash.slice(0, 8)}`, company!.id],
  );
  aDraftId = app!.id;
  const documentId = `e2e_doc_${audioHash.slice(0, 8)}`;
  const key = `qualification/e2e/${documentId}.png`;
  await storage.put(key, new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { contentType: "image/png" });
  await sql(
    `INSERT INTO "QualificationDocument" (id, "applicationId", kind, "storageKey", "fileName", "mimeType", "sizeBytes") VALUES ($1, $2, 'networkSecurityPledge', $3, 'e2e.png', 'image/png', 4)`,
    [documentId, app!.id, key],
  );
  // Company B approved for 智能外呼, so its admin gets past the company gate to the lookups under test.
  const [b] = await sql<{ id: string }>(
    `INSERT INTO "QualificationApplication" (id, "companyId", "applicantName", "applicantMobile", "companyName", status, "submittedAt", "reviewedAt", "updatedAt")
     SELECT 'e2e_b_approved', id, '矩阵', '13900000001', name, 'approved', now(), now(), now() FROM "Company" WHERE name = '皓齿口腔连锁' RETURNING id`,
  );
  bApprovalId = b!.id;
  const [job] = await sql<{ id: string }>(
    `INSERT INTO "PatientImportJob" (id, "companyId", "fileKey", "fileName", "fileKind", status, errors, "updatedAt")
     VALUES ($1, $2, 'patient-imports/e2e/none.csv', 'e2e.csv', 'csv', 'done', '[{"row":2,"column":"手机号","reason":"e2e"}]', now()) RETURNING id`,
    [`e2e_import_${audioHash.slice(0, 8)}`, company!.id],
  );
  importJobId = job!.id;
  // The clinic-scope axis: the script serves no clinic of 静安店's 诊所管理员, and the call is of another clinic.
  const clinicAdminClinics = `SELECT uc."clinicId" FROM "UserClinic" uc JOIN "User" u ON u.id = uc."userId" WHERE u.email = '${ACCOUNTS.clinicAdmin}'`;
  const [otherClinic] = await sql<{ id: string }>(`SELECT id FROM "Clinic" WHERE "companyId" = $1 AND id NOT IN (${clinicAdminClinics}) ORDER BY "createdAt" LIMIT 1`, [company!.id]);
  await sql(`INSERT INTO "ScriptClinic" ("scriptId", "clinicId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [records.scriptId, otherClinic!.id]);
  await sql(`DELETE FROM "ScriptClinic" WHERE "scriptId" = $1 AND "clinicId" IN (${clinicAdminClinics})`, [records.scriptId]);
  await sql(`UPDATE "Call" SET "clinicId" = $2 WHERE id = $1`, [records.answeredCallIds[0]!, otherClinic!.id]);
  ids = { scriptId: records.scriptId, callId: records.answeredCallIds[0]!, audioHash, documentId, importJobId };
});

test.afterAll(async () => {
  await sql(`DELETE FROM "QualificationApplication" WHERE id = ANY($1::text[])`, [[bApprovalId, aDraftId]]);
  await sql(`DELETE FROM "PatientImportJob" WHERE id = $1`, [importJobId]);
  if (ids) await removeRecordsFixture(ids.scriptId);
});

test("every app/api route has a matrix entry", () => {
  const routes = apiRoutes().sort();
  expect(routes.length).toBeGreaterThan(5);
  expect(routes.filter((r) => !ROUTES[r]), "routes without an entry in e2e/api-routes-matrix.spec.ts").toEqual([]);
  expect(Object.keys(ROUTES).filter((r) => !routes.includes(r)), "entries for routes that no longer exist").toEqual([]);
});

async function signIn(request: APIRequestContext, account: string) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", { form: { account, password: PASSWORD, csrfToken: csrf.csrfToken } });
  expect(res.ok()).toBe(true);
}

for (const [who, account, field] of [
  ["company A's admin (control)", ACCOUNTS.companyAdmin, "self"],
  ["company B's admin", ACCOUNTS.companyBAdmin, "other"],
  ["前台 without 智能外呼 permissions", ACCOUNTS.frontDesk, "noPerm"],
  ["静安店's 诊所管理员 (clinic scope)", ACCOUNTS.clinicAdmin, "clinic"],
] as const) {
  test(`app/api routes with company A's ids as ${who}`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    try {
      await signIn(request, account);
      for (const [route, entry] of Object.entries(ROUTES)) {
        if ("unsessioned" in entry) continue;
        const res = await request.get(entry.url(ids));
        expect(res.status(), `${route} as ${who}`).toBe(entry[field]);
      }
    } finally {
      await request.dispose();
    }
  });
}

test("routes without a session are refused without their secret", async ({ request }) => {
  for (const entry of Object.values(ROUTES)) if ("unsessioned" in entry && entry.check) await entry.check(request);
  for (const [route, entry] of Object.entries(ROUTES)) {
    if ("unsessioned" in entry) continue;
    expect((await request.get(entry.url(ids))).status(), `${route} anonymously`).toBe(401);
  }
});

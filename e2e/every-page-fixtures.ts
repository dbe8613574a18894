import { createPrismaClient } from "../server/db/create-client";
import { COMPANY_A, removeRecordsFixture, seedRecordsFixture } from "./call-records-fixtures";
import { ACCOUNTS } from "./helpers";

/** Every page of the app, by who may open it; the ids point at company A's rows created by `seedEveryPageFixture`. */
export type PageVisit = { path: string; name: string };
/** A page whose path needs a fixture id (resolved when the test runs; titles are fixed when the file loads). */
export type PageEntry = { name: string; path: (f: EveryPageFixture) => string };
export type EveryPageFixture = { scriptId: string; journeyId: string; patientId: string; applicationId: string; bDraftId?: string };

export function pageList(): { account: string | null; pages: PageEntry[] }[] {
  const blank: EveryPageFixture = { scriptId: ":scriptId", journeyId: ":journeyId", patientId: ":patientId", applicationId: ":applicationId" };
  return pagesByAccount(blank).map((g) => ({
    account: g.account,
    pages: g.pages.map((p) => ({
      name: p.name,
      path: (f: EveryPageFixture) => p.path.replace(/:(scriptId|journeyId|patientId|applicationId)/, (_, k: "scriptId" | "journeyId" | "patientId" | "applicationId") => f[k]),
    })),
  }));
}

export function pagesByAccount(f: EveryPageFixture): { account: string | null; pages: PageVisit[] }[] {
  return [
    {
      account: null,
      pages: [
        { name: "登录", path: "/login" },
        { name: "外呼服务条款", path: "/terms/outbound" },
      ],
    },
    {
      account: ACCOUNTS.companyAdmin,
      pages: [
        { name: "首页", path: "/" },
        { name: "患者管理", path: "/patients" },
        { name: "患者详情", path: `/patients/${f.patientId}` },
        { name: "批量外呼", path: "/patients/batch-call" },
        { name: "通话记录", path: "/call-records" },
        { name: "随访", path: "/follow-ups" },
        { name: "随访任务", path: "/follow-ups/tasks" },
        { name: "预约意向", path: "/follow-ups/requests" },
        { name: "客户旅程", path: "/journeys" },
        { name: "旅程编辑", path: `/journeys/${f.journeyId}` },
        { name: "人群", path: "/journeys/segments" },
        { name: "门店管理", path: "/management/clinics" },
        { name: "角色管理", path: "/management/roles" },
        { name: "员工账号", path: "/management/staff" },
        { name: "开放接口", path: "/management/integrations" },
        { name: "智能外呼", path: "/management/outbound" },
        { name: "效果分析", path: "/management/outcomes" },
        { name: "试听样例", path: "/management/outbound/samples" },
        { name: "话术列表", path: "/management/outbound/scripts" },
        { name: "新建话术", path: "/management/outbound/scripts/new" },
        { name: "编辑话术", path: `/management/outbound/scripts/${f.scriptId}` },
        { name: "话术详情", path: `/management/outbound/scripts/${f.scriptId}/detail` },
        { name: "短信", path: "/marketing/sms" },
        { name: "短信发送记录", path: "/marketing/sms-records" },
        { name: "外呼批次", path: "/management/outbound/batches" },
        { name: "实时监控", path: "/management/outbound/monitor" },
        { name: "话术实时监控", path: `/management/outbound/monitor/${f.scriptId}` },
        { name: "AI 通话功能", path: "/management/outbound/call-features" },
      ],
    },
    {
      // Company A is already approved (its 开通申请 pages send it on); company B has a draft application.
      account: ACCOUNTS.companyBAdmin,
      pages: [
        { name: "开通申请", path: "/management/outbound/apply" },
        { name: "资质材料", path: "/management/outbound/apply/documents" },
      ],
    },
    {
      account: ACCOUNTS.platformAdmin,
      pages: [
        { name: "资质审核", path: "/platform/qualifications" },
        { name: "审核详情", path: `/platform/qualifications/${f.applicationId}` },
        { name: "短信模板审核", path: "/platform/sms-templates" },
        { name: "平台实时监控", path: "/platform/monitor" },
      ],
    },
  ];
}

const SCRIPT = "e2e-每页检查话术";
const JOURNEY = "e2e-每页检查旅程";

/** A script with call history (records, detail), a journey with its entry node, and company A's patient and application. */
export async function seedEveryPageFixture(): Promise<EveryPageFixture> {
  const records = await seedRecordsFixture(SCRIPT, 8);
  const db = createPrismaClient(process.env.E2E_DATABASE_URL!);
  try {
    const company = await db.company.findFirstOrThrow({ where: { name: COMPANY_A }, select: { id: true } });
    const clinic = await db.clinic.findFirstOrThrow({ where: { companyId: company.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
    const journey = await db.journey.create({
      data: {
        companyId: company.id,
        clinicId: clinic.id,
        name: JOURNEY,
        nodes: { create: { kind: "entry", config: { segmentId: null, schedule: { kind: "daily", time: "10:00" } }, positionX: 40, positionY: 160 } },
      },
      select: { id: true },
    });
    const patient = await db.patient.findFirstOrThrow({ where: { companyId: company.id }, orderBy: { id: "asc" }, select: { id: true } });
    const application = await db.qualificationApplication.findFirstOrThrow({ where: { companyId: company.id }, select: { id: true } });
    const b = await db.company.findFirstOrThrow({ where: { name: "皓齿口腔连锁" }, select: { id: true, name: true } });
    const bDraft = await db.qualificationApplication.create({
      data: { companyId: b.id, applicantName: "页面检查", applicantMobile: "13900000003", companyName: b.name, termsAcceptedAt: new Date() },
      select: { id: true },
    });
    return { scriptId: records.scriptId, journeyId: journey.id, patientId: patient.id, applicationId: application.id, bDraftId: bDraft.id };
  } finally {
    await db.$disconnect();
  }
}

export async function removeEveryPageFixture(f: EveryPageFixture) {
  await removeRecordsFixture(f.scriptId);
  const db = createPrismaClient(process.env.E2E_DATABASE_URL!);
  try {
    await db.journey.deleteMany({ where: { id: f.journeyId } });
    if (f.bDraftId) await db.qualificationApplication.deleteMany({ where: { id: f.bDraftId } });
  } finally {
    await db.$disconnect();
  }
}

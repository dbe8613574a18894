import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, login, sql, trpcQuery } from "./helpers";
import { addExtraClinic, makeFixtureFiles, resetCompanyB } from "./onboarding-fixtures";

type Files = Awaited<ReturnType<typeof makeFixtureFiles>>;

async function upload(page: Page, kind: string, file: Files[keyof Files]) {
  await page.getByTestId(`file-${kind}`).setInputFiles(file);
}

async function trpcMutation(page: Page, path: string, input: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  return { status: res.status(), body: await res.json() };
}

test.beforeAll(async () => {
  await resetCompanyB();
});
test.afterAll(async () => {
  await resetCompanyB();
});

test("a company onboards, is rejected with a reason, resubmits, and only the two approved clinics are opened", async ({ browser }) => {
  test.setTimeout(180_000);
  const companyId = await resetCompanyB();
  await addExtraClinic(companyId);

  const companyContext = await browser.newContext();
  const platformContext = await browser.newContext();
  const company = await companyContext.newPage();
  const platform = await platformContext.newPage();
  await login(company, ACCOUNTS.companyBAdmin);
  await login(platform, ACCOUNTS.platformAdmin);
  const files = await makeFixtureFiles(company);

  // ── intro, then 姓名 / 手机号 / 企业名称 / terms ──
  await company.goto("/management/outbound");
  await expect(company.getByTestId("outbound-intro")).toContainText("功能亮点");
  await expect(company.getByTestId("outbound-intro")).toContainText("AI 生成话术支持修改");
  await company.goto("/call-records");
  await expect(company.getByTestId("outbound-onboarding-banner")).toBeVisible();
  await company.goto("/management/outbound");
  await company.getByTestId("start-now").click();
  await expect(company).toHaveURL(/\/management\/outbound\/apply$/);

  await company.getByLabel("手机号").fill("1380001");
  await company.getByTestId("to-documents").click();
  await expect(company.getByText("请输入正确的 11 位中国大陆手机号")).toBeVisible();
  await expect(company.getByText("请阅读并同意《智能外呼服务条款》")).toBeVisible();
  const terms = await company.getByRole("link", { name: "《智能外呼服务条款》" }).getAttribute("href");
  expect((await company.request.get(terms!)).status()).toBe(200);

  await company.getByLabel("姓名").fill("余月璐");
  await company.getByLabel("手机号").fill("139 1234 5670");
  await company.getByLabel("我已阅读并同意").check();
  await company.getByTestId("to-documents").click();
  await expect(company).toHaveURL(/\/apply\/documents$/);

  // ── documents: a renamed text file is refused (browser and server), real files are previewed ──
  await upload(company, "businessLicense", files.fakePdf);
  await expect(company.getByTestId("error-businessLicense")).toContainText("仅支持 JPG、PNG 或 PDF");
  const refused = await company.request.post("/api/qualification/documents", {
    multipart: { kind: "businessLicense", file: files.fakePdf },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toContain("仅支持 JPG、PNG 或 PDF");

  // One byte over 10 MB is refused by the file rule; a far bigger body is cut off while streaming.
  for (const [size, status] of [[10 * 1024 * 1024 + 1, 400], [12 * 1024 * 1024, 413]] as const) {
    const buffer = Buffer.alloc(size);
    buffer.write("%PDF-1.4");
    const big = await company.request.post("/api/qualification/documents", {
      multipart: { kind: "businessLicense", file: { name: "big.pdf", mimeType: "application/pdf", buffer } },
    });
    expect(big.status()).toBe(status);
    expect((await big.json()).error.message).toBe("文件超过 10 MB，请压缩后重新上传");
  }

  // A dropped connection leaves the file chosen, with 重试.
  await company.route("**/api/qualification/documents", (route) => route.abort("connectionreset"), { times: 1 });
  await upload(company, "businessLicense", files.png);
  await expect(company.getByTestId("error-businessLicense")).toContainText("网络异常");
  await company.getByTestId("document-businessLicense").getByRole("button", { name: "重试" }).click();
  await expect(company.getByTestId("uploaded-businessLicense")).toBeVisible();
  await expect(company.getByTestId("preview-businessLicense")).toHaveJSProperty("complete", true);
  expect(await company.getByTestId("preview-businessLicense").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  await expect(company.getByTestId("submit-qualification")).toBeDisabled();
  await upload(company, "legalIdFront", files.jpg);
  await upload(company, "legalIdBack", files.jpg);
  await upload(company, "networkSecurityPledge", files.pdf);
  await expect(company.getByTestId("uploaded-networkSecurityPledge")).toBeVisible();
  await expect(company.getByTestId("documents-progress")).toHaveText("四项材料已齐全，可以提交审核");
  await company.getByTestId("submit-qualification").click();
  await company.getByTestId("confirm-submit").click();
  await expect(company).toHaveURL(/\/management\/outbound$/);
  await expect(company.getByTestId("qualification-status-card")).toContainText("资质审核中");
  await expect(company.getByTestId("qualification-status-card")).toContainText("1-2 个工作日");

  // ── the platform admin reviews and rejects with a reason ──
  await platform.goto("/platform/qualifications?status=pending");
  const row = platform.getByTestId("application-row").filter({ hasText: "皓齿口腔连锁" });
  await expect(row).toContainText("4/4");
  await row.getByRole("link", { name: "审核" }).click();
  await expect(platform.getByTestId("review-document-businessLicense").locator("img")).toBeVisible();
  const pdfHref = await platform.getByTestId("download-networkSecurityPledge").getAttribute("href");
  const pdf = await platform.request.get(pdfHref!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toContain("attachment;");
  expect(pdf.headers()["content-disposition"]).toContain("filename*=UTF-8''%E5%85%A5%E7%BD%91");
  // Another company's admin cannot fetch the file.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await login(otherPage, ACCOUNTS.companyAdmin);
  expect((await otherPage.request.get(pdfHref!)).status()).toBe(404);
  expect((await trpcMutation(otherPage, "qualificationReview.reject", { id: "x", reason: "x" })).status).toBe(403);
  await other.close();

  await platform.getByTestId("reject").click();
  await platform.getByTestId("confirm-reject").click();
  await expect(platform.getByText("请填写驳回原因")).toBeVisible();
  await platform.getByLabel("驳回原因").fill("营业执照照片模糊，请重新上传清晰的照片");
  await platform.getByTestId("confirm-reject").click();
  await expect(platform.getByTestId("qualification-status").first()).toHaveText("已驳回");
  await expect(platform.getByTestId("review-history")).toContainText("原因：营业执照照片模糊");

  // ── the company sees the reason, corrects and resubmits ──
  await company.reload();
  await expect(company.getByTestId("reject-reason")).toContainText("营业执照照片模糊，请重新上传清晰的照片");
  await company.getByTestId("continue-application").click();
  await expect(company.getByTestId("reject-reason")).toContainText("营业执照照片模糊");
  await upload(company, "businessLicense", files.jpg);
  await expect(company.getByTestId("preview-businessLicense")).toBeVisible();
  await company.getByTestId("submit-qualification").click();
  await company.getByTestId("confirm-submit").click();
  await expect(company.getByTestId("qualification-status-card")).toContainText("资质审核中");

  // ── approval opens exactly the two chosen clinics ──
  await platform.reload();
  await platform.getByTestId("approve").click();
  await expect(platform.getByTestId("confirm-approve")).toBeDisabled();
  await platform.getByTestId("approve-clinic-天河店").click();
  await platform.getByTestId("approve-clinic-越秀店").click();
  await platform.getByTestId("confirm-approve").click();
  await expect(platform.getByTestId("qualification-status").first()).toHaveText("已通过");
  await expect(platform.getByTestId("clinic-switch-天河店")).toHaveAttribute("aria-checked", "true");
  await expect(platform.getByTestId("clinic-switch-白云店")).toHaveAttribute("aria-checked", "false");

  const applicationId = platform.url().split("/").pop()!;
  const again = await trpcMutation(platform, "qualificationReview.approve", { id: applicationId, clinicIds: ["e2e-onb-extra-clinic"] });
  expect(again.status).toBe(409);
  expect(again.body.error.json.message).toContain("不能重复审核");
  expect((await trpcMutation(company, "qualificationReview.approve", { id: applicationId, clinicIds: ["e2e-onb-extra-clinic"] })).status).toBe(403);

  const audit = await sql<{ action: string; reason: string | null; actor: string }>(
    `select a.action, a.reason, u.name as actor from "AuditLog" a join "User" u on u.id = a."actorId"
     where a."targetId" = $1 order by a."createdAt"`,
    [applicationId],
  );
  expect(audit.map((a) => a.action)).toEqual([
    "qualification.start",
    "qualification.submit",
    "qualification.reject",
    "qualification.resubmit",
    "qualification.approve",
  ]);
  expect(audit[2]).toMatchObject({ actor: "平台管理员", reason: "营业执照照片模糊，请重新上传清晰的照片" });

  await company.goto("/management/outbound");
  await expect(company.getByTestId("outbound-notices")).toContainText("当前已开通【天河店】【越秀店】，如需开通更多门店请联系客服。");
  await expect(company.getByTestId("outbound-notices")).not.toContainText("白云店");
  await company.goto("/call-records");
  await expect(company.getByTestId("outbound-onboarding-banner")).toHaveCount(0);
  await company.goto("/management/clinics");
  await expect(company.getByTestId("clinic-row").filter({ hasText: "白云店" })).toContainText("未开通");
  await expect(company.getByTestId("clinic-row").filter({ hasText: "天河店" })).toContainText("已开通");

  // ── later the platform admin closes one clinic ──
  await platform.getByTestId("clinic-switch-越秀店").click();
  await platform.getByTestId("confirm-close-clinic").click();
  await expect(platform.getByTestId("clinic-switch-越秀店")).toHaveAttribute("aria-checked", "false");
  await company.goto("/management/outbound");
  await expect(company.getByTestId("outbound-notices")).toContainText("当前已开通【天河店】，如需开通更多门店请联系客服。");
  expect((await trpcQuery(company, "outbound.overview")).body.result.data.json.openedClinics).toHaveLength(1);

  await companyContext.close();
  await platformContext.close();
});

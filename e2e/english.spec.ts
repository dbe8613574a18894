import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { login, sql } from "./helpers";
import { pageList, removeEveryPageFixture, seedEveryPageFixture, type EveryPageFixture } from "./every-page-fixtures";

/**
 * English mode (issue 22): every main page, rendered with the `locale=en` cookie, shows no Chinese outside content users
 * entered and no missing message key. Content users entered is read from the database (patients, their tags and
 * treatment items, names given to scripts, journeys, nodes and segments, clinics and companies, staff, SMS text,
 * follow-up notes, a clinic's own intent labels and templates) and removed from the page's text before the check;
 * Mandarin call content (dialogue lines, patients' replies, transcripts, analysis summaries) is marked `lang="zh-CN"` in
 * the DOM and skipped, as is anything marked `data-user-content`. Attributes (aria-label, title, placeholder, alt) are
 * checked too.
 */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const NAMESPACES = readdirSync(path.join(process.cwd(), "server/i18n/messages/en")).map((f) => f.replace(/\.json$/, ""));
/** next-intl renders a missing message as `namespace.key`. */
const MISSING_KEY = new RegExp(`\\b(?:${NAMESPACES.join("|")})\\.[A-Za-z0-9_]+\\b`);

let fixture: EveryPageFixture;
/** Texts users entered, longest first (so a name inside a longer one is removed with it). */
let userTexts: string[] = [];
test.beforeAll(async () => {
  test.setTimeout(180_000);
  fixture = await seedEveryPageFixture();
  userTexts = await enteredTexts();
});

async function enteredTexts(): Promise<string[]> {
  const rows = await sql<{ t: string | null }>(`
    SELECT name AS t FROM "Company" UNION SELECT name FROM "Clinic" UNION SELECT "shortName" FROM "Clinic"
    UNION SELECT address FROM "Clinic" UNION SELECT name FROM "User" UNION SELECT name FROM "Role" WHERE NOT "isSystem"
    UNION SELECT name FROM "Patient" UNION SELECT unnest(tags) FROM "Patient"
    UNION SELECT item FROM "Appointment" UNION SELECT "doctorName" FROM "Appointment" UNION SELECT item FROM "Visit"
    UNION SELECT item FROM "TreatmentDeduction" UNION SELECT name FROM "Benefit"
    UNION SELECT title FROM "FollowUpTask" UNION SELECT content FROM "FollowUpTask" UNION SELECT result FROM "FollowUpTask"
    UNION SELECT name FROM "Segment" UNION SELECT "applicantName" FROM "QualificationApplication"
    UNION SELECT "companyName" FROM "QualificationApplication" UNION SELECT "rejectReason" FROM "QualificationApplication"
    UNION SELECT "fileName" FROM "QualificationDocument"
    UNION SELECT name FROM "SmsTemplate" UNION SELECT content FROM "SmsTemplate" UNION SELECT "rejectReason" FROM "SmsTemplate"
    UNION SELECT content FROM "SmsMessage"
    UNION SELECT name FROM "ScriptTemplate" WHERE "companyId" IS NOT NULL
    UNION SELECT description FROM "ScriptTemplate" WHERE "companyId" IS NOT NULL
    UNION SELECT name FROM "Script" UNION SELECT l->>'label' FROM "Script", jsonb_array_elements(COALESCE("intentLabels", '[]'::jsonb)) l
    UNION SELECT name FROM "Journey" UNION SELECT label FROM "JourneyNode"
    UNION SELECT summary FROM "Call" UNION SELECT "intentReason" FROM "Call" UNION SELECT "triggerSentence" FROM "Call"
    UNION SELECT reason FROM "DncEntry" UNION SELECT "triggerSentence" FROM "DncEntry"`);
  return rows
    .map((r) => r.t?.trim() ?? "")
    .filter((t) => CJK.test(t))
    .sort((a, b) => b.length - a.length);
}
test.afterAll(async () => {
  if (fixture) await removeEveryPageFixture(fixture);
});

const sessions = new Map<string, Awaited<ReturnType<BrowserContext["storageState"]>>>();
async function englishContext(browser: Browser, account: string | null): Promise<BrowserContext> {
  if (account && !sessions.has(account)) {
    const context = await browser.newContext();
    await login(await context.newPage(), account);
    sessions.set(account, await context.storageState());
    await context.close();
  }
  const context = await browser.newContext(account ? { storageState: sessions.get(account)! } : {});
  await context.addCookies([{ name: "locale", value: "en", url: test.info().project.use.baseURL! }]);
  return context;
}

/** The page's visible text and labelling attributes, outside user content, one string per text node / attribute. */
async function productText(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const excluded = (el: Element | null) => {
      if (!el) return true;
      if (el.closest("[data-user-content], script, style, noscript, template")) return true;
      const lang = el.closest("[lang]")?.getAttribute("lang") ?? "";
      return lang.startsWith("zh");
    };
    const marked = [...document.querySelectorAll("[data-user-content], [lang^='zh']")]
      .map((el) => (el.textContent ?? "").trim())
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    const withoutMarked = (s: string) => marked.reduce((acc, u) => acc.split(u).join(""), s);
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || excluded(parent) || !parent!.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      out.push(text);
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (excluded(el)) continue;
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(withoutMarked(value));
      }
    }
    return out;
  });
  return texts.map((s) => userTexts.reduce((acc, u) => (acc.includes(u) ? acc.split(u).join("") : acc), s));
}

async function expectEnglish(page: Page, where: string) {
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined); // lists that poll never idle
  const texts = await productText(page);
  expect.soft(texts.filter((s) => CJK.test(s)).map((s) => s.slice(0, 120)), `${where}: Chinese outside user content`).toEqual([]);
  expect.soft(texts.filter((s) => MISSING_KEY.test(s)), `${where}: missing message keys`).toEqual([]);
}

for (const group of pageList()) {
  test.describe(`in English as ${group.account ?? "an anonymous visitor"}`, () => {
    for (const entry of group.pages) {
      test(`${entry.name} has no Chinese outside user content`, async ({ browser }) => {
        const context = await englishContext(browser, group.account);
        try {
          const page = await context.newPage();
          const response = await page.goto(entry.path(fixture));
          expect(response!.status()).toBeLessThan(400);
          await expect(page.locator("html")).toHaveAttribute("lang", "en");
          await expectEnglish(page, entry.name);
        } finally {
          await context.close();
        }
      });
    }
  });
}

test.describe("in English, the demo's own rows", () => {
  test("a journey with outbound, wait and branch nodes, its node panel and roster", async ({ browser }) => {
    const [journey] = await sql<{ id: string }>(
      `SELECT j.id FROM "Journey" j JOIN "Company" c ON c.id = j."companyId" JOIN "JourneyNode" n ON n."journeyId" = j.id
       WHERE c.name = '微笑口腔连锁' GROUP BY j.id ORDER BY count(DISTINCT n.kind) DESC, count(*) DESC LIMIT 1`,
    );
    const context = await englishContext(browser, "admin@a.demo");
    try {
      const page = await context.newPage();
      await page.goto(`/journeys/${journey!.id}`);
      await expectEnglish(page, "journey editor");
      for (const node of await page.locator(".react-flow__node").all()) {
        await node.click();
        await expectEnglish(page, `journey node ${await node.getAttribute("data-id")}`);
      }
    } finally {
      await context.close();
    }
  });

  test("a demo script's detail with its roster, and a call's detail from 通话记录", async ({ browser }) => {
    const [script] = await sql<{ id: string }>(
      `SELECT s.id FROM "Script" s JOIN "Company" c ON c.id = s."companyId" JOIN "CallTask" t ON t."scriptId" = s.id
       WHERE c.name = '微笑口腔连锁' GROUP BY s.id ORDER BY count(DISTINCT t.status) DESC, count(*) DESC LIMIT 1`,
    );
    const context = await englishContext(browser, "admin@a.demo");
    try {
      const page = await context.newPage();
      await page.goto(`/management/outbound/scripts/${script!.id}/detail`);
      await expectEnglish(page, "demo script detail");
      await page.goto("/call-records");
      await page.getByRole("button", { name: /details/i }).first().click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectEnglish(page, "call detail dialog");
      await expect(page.getByRole("dialog").getByRole("button", { name: "Close" }).first()).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test("the dialog close button is named in the page's language (关闭 in Chinese)", async ({ browser }) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await login(page, "admin@a.demo");
      await page.goto("/call-records");
      await page.getByRole("button", { name: "详情" }).first().click();
      await expect(page.getByRole("dialog").getByRole("button", { name: "关闭" }).first()).toBeVisible();
      await expect(page.getByRole("dialog").getByRole("button", { name: "Close" })).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});

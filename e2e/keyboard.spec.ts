import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, login, sql } from "./helpers";

/** Keyboard only: dialogs open, trap focus, close with Escape and give focus back; the journey editor is operable. */
const JOURNEY = "e2e-键盘旅程";

test.afterAll(async () => {
  await sql(`DELETE FROM "Journey" WHERE name = $1`, [JOURNEY]);
});

/** Presses Tab until `target` has focus (at most `max` times): it is reachable from the keyboard in tab order. */
async function tabTo(page: Page, target: Locator, max = 80) {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => document.activeElement === el || (el?.contains(document.activeElement) ?? false), handle)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`);
}

const focusInside = (page: Page, container: Locator) =>
  container.evaluate((el) => el.contains(document.activeElement));

test("a dialog opens from the keyboard, keeps focus inside, closes with Escape and returns focus", async ({ page }) => {
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto("/journeys/segments");
  await expect(page.getByTestId("create-segment")).toBeEnabled();
  await page.waitForLoadState("networkidle"); // hydrated: a key press before React attaches its handlers does nothing
  const trigger = page.getByTestId("create-segment");
  await tabTo(page, trigger);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  expect(await focusInside(page, dialog)).toBe(true);
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    expect(await focusInside(page, dialog), `focus left the dialog after ${i + 1} Tab(s)`).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
});

test("the journey editor by keyboard: create a journey, select the entry node, add a component, save", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto("/journeys");
  await page.waitForLoadState("networkidle"); // hydrated before the first key press
  await tabTo(page, page.getByTestId("create-journey"));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByLabel("旅程名称"));
  await page.keyboard.type(JOURNEY);
  // The clinic picker: open with the keyboard, take the first clinic.
  await tabTo(page, dialog.getByRole("combobox", { name: "门店" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await tabTo(page, dialog.getByRole("button", { name: "创建并编辑" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/journeys\/[^/]+$/, { timeout: 30_000 });
  await page.waitForLoadState("networkidle");

  // The entry node is in the tab order; Enter selects it and opens its settings.
  const entry = page.locator(".react-flow__node").filter({ has: page.getByTestId("node-开始") });
  await tabTo(page, entry);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("entry-time")).toBeVisible();

  // A component from the library: a button, so Enter adds it after the selected node.
  const nodes = page.locator(".react-flow__node");
  const before = await nodes.count();
  await tabTo(page, page.getByTestId("add-wait"));
  await page.keyboard.press("Enter");
  await expect(nodes).toHaveCount(before + 1);

  await tabTo(page, page.getByTestId("save-journey"));
  await page.keyboard.press("Enter");
  await expect(page.getByText("旅程已保存").first()).toBeVisible();
  const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "JourneyNode" n JOIN "Journey" j ON j.id = n."journeyId" WHERE j.name = $1`, [JOURNEY]);
  expect(Number(row!.n)).toBe(before + 1);
});

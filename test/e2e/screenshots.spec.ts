// The curated screenshots of docs/screenshots (shown by the README): the main pages on the demo
// data, at desktop and phone width. Written only when asked, by `npm run screenshots`
// (HOOKLINE_SCREENSHOTS=1); an ordinary browser run skips this spec.
import path from "node:path";
import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { runSeed } from "./demo-seed";
import { baseUrl, signIn, signInAsOperator } from "./helpers";

const OUT = path.resolve(import.meta.dirname, "../../docs/screenshots");

const WIDTHS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  // The phone project's device, at a scale of 2 (sharp enough, half the bytes of Pixel 7's 2.625).
  phone: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
} as const;

/** Opens `url`, waits for what makes the page worth a picture, and saves the visible window. */
async function shoot(page: Page, url: string, ready: (page: Page) => ReturnType<Page["locator"]>, file: string) {
  await page.goto(url);
  await expect(ready(page).first()).toBeVisible({ timeout: 30_000 });
  // Charts animate in, times tick: let the page settle before the picture.
  await page.waitForTimeout(1_500);
  await page.screenshot({ path: path.join(OUT, file), animations: "disabled" });
}

async function signedInPage(browser: Browser, width: keyof typeof WIDTHS, signInAs: (page: Page) => Promise<void>) {
  const context = await browser.newContext(WIDTHS[width]);
  const page = await context.newPage();
  await signInAs(page);
  return page;
}

test("should write the curated screenshots of the main pages", { tag: "@desktop-only" }, async ({ browser }) => {
  test.skip(!process.env.HOOKLINE_SCREENSHOTS, "run with `npm run screenshots`");
  test.setTimeout(600_000);
  const seed = await runSeed();
  const tenantUrl = `${baseUrl()}/t/${seed.tenant.id}`;
  const ok = seed.endpoints.find((endpoint) => endpoint.mode === "ok")!;
  const chart = (page: Page) => page.locator(".recharts-bar-rectangle");
  const heading = (page: Page) => page.getByRole("main").getByRole("heading", { level: 1 });
  // A live message of the demo, delivered by now to the endpoints that answer at once.
  const messageId = seed.live.messageIds[0]!;

  for (const width of ["desktop", "phone"] as const) {
    const user = await signedInPage(browser, width, (page) => signIn(page, seed.user.email, seed.user.password));
    await shoot(user, tenantUrl, chart, `overview-${width}.png`);
    await shoot(
      user,
      `${tenantUrl}/endpoints`,
      (page) => page.getByRole("table", { name: "Endpoints" }).getByText("%"),
      `endpoints-${width}.png`,
    );
    await shoot(user, `${tenantUrl}/endpoints/${ok.id}`, chart, `endpoint-detail-${width}.png`);
    await shoot(user, `${tenantUrl}/messages/${messageId}`, heading, `message-detail-${width}.png`);
    await user.context().close();

    const operator = await signedInPage(browser, width, signInAsOperator);
    await shoot(operator, `${baseUrl()}/operator/system`, chart, `operator-system-${width}.png`);
    await shoot(
      operator,
      `${baseUrl()}/operator/catalog`,
      (page) => page.getByRole("table", { name: "Event types" }).getByText("invoice.paid"),
      `operator-catalog-${width}.png`,
    );
    await operator.context().close();
  }
});

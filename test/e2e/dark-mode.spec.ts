// Dark mode of the dashboard: it follows the system's preference from the first paint (the inline
// script of app/layout.tsx sets <html class="dark"> before the body is parsed, so no light flash
// and no hydration error), the header's theme menu switches to Light or Dark and the choice
// survives a reload, System follows the preference again; the API docs follow it too, and a
// tenant portal keeps its operator's theme. Dark screenshots of the incidents list, an endpoint's
// backlog chart, a polling endpoint and the overview's charts, with no white box left on the page.
import { expect, test, type ConsoleMessage, type Page } from "@playwright/test";
import {
  api,
  baseUrl,
  chartPaths,
  createCatalogEventType,
  createEndpointViaApi,
  expectNoHorizontalOverflow,
  mainNav,
  publishViaApi,
  registerWithTenant,
  saveScreenshotFromTop,
  signInAsOperator,
  startReceiver,
  unique,
} from "./helpers";

test.use({ colorScheme: "dark" });

/** Console complaints a themed page must never cause: hydration errors and CSP refusals. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  const bad =
    /hydrat|#418|#423|#425|did not match|didn't match|Content Security Policy|Refused to (load|execute|apply)/i;
  page.on("console", (message: ConsoleMessage) => {
    if (bad.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (bad.test(error.message)) problems.push(`${page.url()}: ${error.message}`);
  });
  return problems;
}

type Rgb = [number, number, number];
type ColorWindow = Window & { rgbOf(color: string): Rgb; firstPaint: { dark: boolean; background: Rgb } };

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const colorWindow = window as unknown as ColorWindow;
    // Any CSS colour (Tailwind's are oklch, the dark palette's hex) as red, green and blue, the way
    // the browser paints it; transparent reads as black.
    colorWindow.rgbOf = (color: string) => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const context = canvas.getContext("2d")!;
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      const [red, green, blue] = context.getImageData(0, 0, 1, 1).data;
      return [red!, green!, blue!];
    };
    // The moment the parser creates <body> (before anything of the page is painted, long before
    // React hydrates): is <html> dark, and the body's computed background.
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      observer.disconnect();
      colorWindow.firstPaint = {
        dark: document.documentElement.classList.contains("dark"),
        background: colorWindow.rgbOf(getComputedStyle(document.body).backgroundColor),
      };
    });
    observer.observe(document, { childList: true, subtree: true });
  });
});

const firstPaint = (page: Page) => page.evaluate(() => (window as unknown as ColorWindow).firstPaint);

const brightest = (rgb: Rgb) => Math.max(...rgb);

const bodyBackground = (page: Page) =>
  page.evaluate(() => (window as unknown as ColorWindow).rgbOf(getComputedStyle(document.body).backgroundColor));

/** Visible elements painted in a light colour (a light box left on a dark page). */
function lightBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll("body *")) {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
      const alpha = /rgba\([^)]*,\s*([\d.]+)\)$/.exec(style.backgroundColor)?.[1];
      if (style.backgroundColor === "rgba(0, 0, 0, 0)" || (alpha !== undefined && Number(alpha) < 0.5)) continue;
      if (Math.min(...(window as unknown as ColorWindow).rgbOf(style.backgroundColor)) > 200) {
        found.push(`${element.tagName.toLowerCase()}.${String(element.className).slice(0, 80)}`);
      }
    }
    return found;
  });
}

/**
 * Text that does not stand out from what it is drawn on: contrast under 3:1 (WCAG's floor for
 * large text and controls) between an element's colour and the first opaque background behind it.
 */
function faintText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { rgbOf } = window as unknown as ColorWindow;
    const luminance = (rgb: number[]) => {
      const [red, green, blue] = rgb.map((channel) => {
        const value = channel / 255;
        return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
    };
    const opaque = (color: string) => {
      const alpha = /rgba\([^)]*,\s*([\d.]+)\)$/.exec(color)?.[1];
      return color !== "rgba(0, 0, 0, 0)" && (alpha === undefined || Number(alpha) >= 0.5);
    };
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      if (element.closest("svg, option, .sr-only")) continue;
      const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? "")
        .join("")
        .trim();
      if (!text) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden" || style.opacity === "0") continue;
      let behind: Element | null = element;
      while (behind && !opaque(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
      const background = rgbOf(getComputedStyle(behind ?? document.body).backgroundColor);
      const [lighter, darker] = [luminance(rgbOf(style.color)), luminance(background)].sort((a, b) => b - a);
      const ratio = (lighter! + 0.05) / (darker! + 0.05);
      if (ratio < 3) found.push(`${element.tagName.toLowerCase()} "${text.slice(0, 40)}" ${ratio.toFixed(2)}:1`);
    }
    return found;
  });
}

/** Asserts the page is dark throughout: a dark body, no white boxes, chart axes in light text. */
async function expectDarkPage(page: Page) {
  expect(brightest(await bodyBackground(page))).toBeLessThan(40);
  expect(await lightBoxes(page)).toEqual([]);
  expect(await faintText(page)).toEqual([]);
  const ticks = page.locator(".recharts-cartesian-axis-tick-value");
  if ((await ticks.count()) > 0) {
    const fill = await ticks
      .first()
      .evaluate((element) => (window as unknown as ColorWindow).rgbOf(getComputedStyle(element).fill));
    expect(brightest(fill), `axis text is rgb(${fill.join(", ")})`).toBeGreaterThan(120);
  }
}

test("should paint dark from the first frame, switch theme from the header, keep the choice, and follow the system again", async ({
  page,
}, testInfo) => {
  const problems = watchConsole(page);
  const { tenantId } = await registerWithTenant(page);
  const overview = `${baseUrl()}/t/${tenantId}`;

  await page.goto(overview);
  expect((await firstPaint(page)).dark).toBe(true);
  expect(brightest((await firstPaint(page)).background)).toBeLessThan(40);
  // After hydration the menu shows the stored choice: none, so System.
  const themeButton = page.getByRole("banner").getByRole("button", { name: /^Theme/ });
  await expect(themeButton).toHaveAccessibleName("Theme: System");
  await expectNoHorizontalOverflow(page);

  // Light, from the header; the page turns at once, and stays light after a reload.
  await themeButton.click();
  const menu = page.getByRole("menu", { name: "Theme" });
  await expect(menu.getByRole("menuitemradio", { name: "System" })).toHaveAttribute("aria-checked", "true");
  await menu.getByRole("menuitemradio", { name: "Light" }).click();
  await expect(menu).toBeHidden();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  expect(brightest(await bodyBackground(page))).toBeGreaterThan(240);
  await expect(themeButton).toHaveAccessibleName("Theme: Light");
  await saveScreenshotFromTop(page, testInfo, "dark-mode-chosen-light");
  await page.reload();
  expect((await firstPaint(page)).dark).toBe(false);
  expect(brightest((await firstPaint(page)).background)).toBeGreaterThan(240);
  await expect(themeButton).toHaveAccessibleName("Theme: Light");

  // Dark by choice wins over a light system; System follows the system again, also live.
  await page.emulateMedia({ colorScheme: "light" });
  await themeButton.click();
  await menu.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  expect((await firstPaint(page)).dark).toBe(true);
  await themeButton.click();
  // The keyboard works the menu: the current choice has the focus, arrows move, Enter picks.
  await expect(menu.getByRole("menuitemradio", { name: "Dark" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitemradio", { name: "System" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(themeButton).toHaveAccessibleName("Theme: System");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  expect((await firstPaint(page)).dark).toBe(true);
  await expect(themeButton).toHaveAccessibleName("Theme: System");

  // The other pages follow: the sign-in page (no menu there) and the API docs.
  await (await mainNav(page)).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectDarkPage(page);
  await saveScreenshotFromTop(page, testInfo, "dark-mode-settings");
  await page.goto(`${baseUrl()}/docs`);
  await expect(page.locator("html")).toHaveClass(/\bdark-mode\b/);
  await expect(page.getByRole("heading", { name: /Hookline API/ }).first()).toBeVisible({ timeout: 20_000 });
  expect(brightest(await bodyBackground(page))).toBeLessThan(40);
  await saveScreenshotFromTop(page, testInfo, "dark-mode-api-docs");
  await page.context().clearCookies();
  await page.goto(`${baseUrl()}/sign-in`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect((await firstPaint(page)).dark).toBe(true);
  await expectDarkPage(page);
  await saveScreenshotFromTop(page, testInfo, "dark-mode-sign-in");

  expect(problems).toEqual([]);
});

test("should keep a portal in its operator's theme, whatever the browser's dark mode", async ({ page }) => {
  const problems = watchConsole(page);
  const tenant = await api<{ id: string }>("POST", "/api/v1/tenants", { name: unique("Portal light") });
  await api("PATCH", `/api/v1/tenants/${tenant.id}`, { portal: { theme: "light" } });
  // A dashboard user of this browser chose Dark before.
  await page.goto(`${baseUrl()}/sign-in`);
  await page.evaluate(() => localStorage.setItem("hookline-theme", "dark"));
  const access = await api<{ url: string }>("POST", `/api/v1/tenants/${tenant.id}/portal-access`, {
    user: { id: "cust-1", email: "dana@customer.example", name: "Dana" },
  });
  const link = new URL(access.url);
  await page.goto(`${baseUrl()}${link.pathname}${link.hash}`);
  await expect(page).toHaveURL(`${baseUrl()}/t/${tenant.id}`);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  expect(brightest(await bodyBackground(page))).toBeGreaterThan(240);
  // No theme menu in a portal.
  await expect(page.getByRole("button", { name: /^Theme/ })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("should show incidents, the backlog chart, a polling endpoint and the overview's charts readably in dark", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const problems = watchConsole(page);
  const failing = await startReceiver(503);
  const working = await startReceiver(200);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType("dark");
    // A receiver answering 503: an incident opens, and each message waits 10 minutes for its retry,
    // so the backlog outlasts the next once-a-minute sample (with the suite's 1s,2s,4s schedule it
    // drained within a minute and could fall between two samples).
    const billing = await createEndpointViaApi(tenantId, {
      url: `${failing.url}/slow`,
      name: "Billing",
      rateLimit: 1,
      retrySchedule: ["10m"],
    });
    await createEndpointViaApi(tenantId, { url: `${working.url}/ok`, name: "Warehouse" });
    const polling = await api<{ id: string }>("POST", `/api/v1/tenants/${tenantId}/endpoints`, {
      type: "polling",
      name: "Laptop",
    });
    for (let index = 0; index < 12; index++) await publishViaApi(tenantId, eventType);
    await expect.poll(() => working.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(12);

    // The overview: tiles, the three charts, Needs attention.
    await page.goto(`${baseUrl()}/t/${tenantId}`);
    const volume = page.getByRole("figure", { name: /^Messages and attempts/ });
    await expect(volume).toContainText("12 messages", { timeout: 30_000 });
    await expect.poll(async () => (await chartPaths(volume, 1)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect(page.getByRole("list", { name: "Endpoints that need attention" })).toContainText("HTTP 5xx answers", {
      timeout: 30_000,
    });
    await expectDarkPage(page);
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "dark-overview");

    // The incidents list.
    await (await mainNav(page)).getByRole("link", { name: "Incidents" }).click();
    await expect(page.getByRole("table", { name: "Open incidents" })).toContainText("HTTP 5xx answers");
    await expectDarkPage(page);
    await saveScreenshotFromTop(page, testInfo, "dark-incidents");

    // A polling endpoint's page: the Polling card, its code blocks, the signing secret.
    await page.goto(`${baseUrl()}/t/${tenantId}/endpoints/${polling.id}`);
    await expect(page.getByRole("heading", { name: "Polling" })).toBeVisible();
    await expect(page.getByLabel("Poll URL")).toBeVisible();
    await expectDarkPage(page);
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "dark-polling-endpoint");

    // The failing endpoint's page with its backlog chart (the workers sample once a minute).
    type Point = { due: number; scheduled: number; sending: number };
    const sampled = async () =>
      (await api<{ series: Point[] }>("GET", `/api/v1/tenants/${tenantId}/endpoints/${billing}/backlog`)).series.some(
        (point) => point.due + point.scheduled + point.sending > 0,
      );
    await expect.poll(sampled, { timeout: 120_000, intervals: [2_000] }).toBe(true);
    await page.goto(`${baseUrl()}/t/${tenantId}/endpoints/${billing}`);
    const backlog = page.getByRole("figure", { name: /^Backlog/ });
    await expect(backlog).not.toContainText("Nothing was queued in this range");
    await expect.poll(async () => (await chartPaths(backlog, 1)).length).toBeGreaterThan(0);
    await expect(page.getByRole("figure", { name: /^Attempts/ })).not.toContainText("No attempts in this range");
    await expectDarkPage(page);
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "dark-endpoint-backlog");
    expect(problems).toEqual([]);
  } finally {
    await failing.close();
    await working.close();
  }
});

test("should leave no light box and no faint text on the other pages, dialogs and toasts in dark", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  const receiver = await startReceiver(200);
  try {
    const tenant = await api<{ id: string }>("POST", "/api/v1/tenants", { name: unique("Dark pages") });
    const eventType = await createCatalogEventType("darkpages");
    const endpointId = await createEndpointViaApi(tenant.id, { url: `${receiver.url}/hook`, name: "Orders" });
    const messageId = await publishViaApi(tenant.id, eventType, { orderId: "ord_1", amount: 4200, paid: true });
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await signInAsOperator(page);

    const pages: Array<[string, string, RegExp | string]> = [
      ["endpoints", `/t/${tenant.id}/endpoints`, "Orders"],
      ["endpoint-form", `/t/${tenant.id}/endpoints/new`, "Endpoint URL"],
      ["messages", `/t/${tenant.id}/messages`, eventType],
      ["message", `/t/${tenant.id}/messages/${messageId}`, "ord_1"],
      ["event-types", `/t/${tenant.id}/event-types`, eventType],
      ["operator-tenants", "/operator/tenants", "Dark pages"],
      ["operator-catalog", "/operator/catalog", eventType],
      ["operator-system", "/operator/system", "Queue"],
    ];
    for (const [name, path, shows] of pages) {
      await page.goto(`${baseUrl()}${path}`);
      await expect(page.locator("main").getByText(shows).filter({ visible: true }).first()).toBeVisible({
        timeout: 20_000,
      });
      await expectDarkPage(page);
      await saveScreenshotFromTop(page, testInfo, `dark-${name}`);
    }

    // A confirmation dialog over the endpoint's page.
    await page.goto(`${baseUrl()}/t/${tenant.id}/endpoints/${endpointId}`);
    await page.locator("main > div").first().getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this endpoint?" });
    await expect(dialog).toBeVisible();
    expect(await lightBoxes(page)).toEqual([]);
    expect(await faintText(page)).toEqual([]);
    await saveScreenshotFromTop(page, testInfo, "dark-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // A toast: the tenant's settings saved.
    await page.goto(`${baseUrl()}/t/${tenant.id}/settings`);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
    // The pointer still on the primary button: its hover fill stays dark under white text.
    await page.getByRole("button", { name: "Save settings" }).hover();
    await expectDarkPage(page);
    await saveScreenshotFromTop(page, testInfo, "dark-toast");

    // The sign-in page's error notice.
    await page.context().clearCookies();
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel("Email").fill("nobody@example.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "email or password is wrong" })).toBeVisible();
    await expectDarkPage(page);
    await saveScreenshotFromTop(page, testInfo, "dark-sign-in-refused");
    expect(problems).toEqual([]);
  } finally {
    await receiver.close();
  }
});

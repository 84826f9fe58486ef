// Shared steps of the browser specs: where Hookline is, screenshots, signing in and up, and the
// API calls that set up data (with the instance's platform key, as a platform backend would).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { createHooklineClient, type HooklineClient } from "../../client/hookline-client";
import { E2E_ADMIN_KEY, E2E_OPERATOR } from "./global-setup";

export { E2E_ADMIN_KEY, E2E_OPERATOR };

export function baseUrl(): string {
  const url = process.env.HOOKLINE_E2E_URL;
  if (!url) throw new Error("HOOKLINE_E2E_URL is not set: the global setup did not start Hookline");
  return url;
}

/**
 * Saves a full-page screenshot of this run as <artifacts>/screenshots/<name>-<project>.png
 * (HOOKLINE_E2E_ARTIFACTS or test/e2e/.artifacts, not in git): for a person to look at after a
 * run. The curated set in docs/screenshots is written only by `npm run screenshots`.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(testInfo.project.outputDir, "screenshots", `${name}-${testInfo.project.name}.png`),
    fullPage: true,
  });
}

/** A unique suffix, so specs never collide on emails or names (projects run the same spec twice). */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/** Calls the REST API with the platform key. */
export async function api<T>(method: string, apiPath: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}${apiPath}`, {
    method,
    headers: {
      authorization: `Bearer ${E2E_ADMIN_KEY}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${apiPath} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/t(\/|$)/);
}

export async function signInAsOperator(page: Page): Promise<void> {
  await signIn(page, E2E_OPERATOR.email, E2E_OPERATOR.password);
}

/**
 * A new user who owns a new tenant, registered the way the default registration mode (by
 * invitation) allows: the platform creates the tenant and an owner invite, and the person opens
 * the invite link and registers through its form. Returns the tenant id.
 */
export async function registerWithTenant(
  page: Page,
  options: { email?: string; password?: string; tenantName?: string } = {},
): Promise<{ email: string; password: string; tenantId: string }> {
  const email = options.email ?? `${unique("user")}@example.test`;
  const password = options.password ?? "a-good-password";
  const tenant = await api<{ id: string }>("POST", "/api/v1/tenants", { name: options.tenantName ?? unique("Acme") });
  const invite = await api<{ token: string }>("POST", `/api/v1/tenants/${tenant.id}/invites`, { email, role: "owner" });
  await page.goto(`${baseUrl()}/invite/${encodeURIComponent(invite.token)}`);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Name").fill("Test User");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${tenant.id}`));
  return { email, password, tenantId: tenant.id };
}

/** The main navigation, opened first on a phone (where it folds into a menu button). */
export async function mainNav(page: Page) {
  const toggle = page.getByRole("button", { name: "Open navigation" });
  if (await toggle.isVisible()) await toggle.click();
  return page.getByRole("navigation", { name: "Main" });
}

/**
 * A new user who joined `tenantId` with `role` through a real invite (created with the platform
 * key, accepted at registration), signed in in a browser context of their own.
 */
export async function joinTenantAs(
  browser: Browser,
  tenantId: string,
  role: "owner" | "admin" | "viewer",
): Promise<{ page: Page; context: BrowserContext; email: string }> {
  const email = `${unique(role)}@example.test`;
  const password = "a-good-password";
  const invite = await api<{ token: string }>("POST", `/api/v1/tenants/${tenantId}/invites`, { email, role });
  const response = await fetch(`${baseUrl()}/api/account/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, inviteToken: invite.token }),
  });
  if (response.status !== 201)
    throw new Error(`could not register ${email}: ${response.status} ${await response.text()}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { page, context, email };
}

/** A receiver on 127.0.0.1 for a spec: records what arrives, answers with `status()` (changeable). */
export async function startReceiver(initialStatus = 200): Promise<{
  url: string;
  received: Array<{ path: string; body: string; headers: Record<string, string | string[] | undefined> }>;
  setStatus(status: number): void;
  close(): Promise<void>;
}> {
  const received: Array<{ path: string; body: string; headers: Record<string, string | string[] | undefined> }> = [];
  let status = initialStatus;
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ path: request.url ?? "/", body, headers: request.headers });
      response.writeHead(status, { "content-type": "text/plain" });
      response.end(status < 300 ? "ok" : "receiver says no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    setStatus: (next) => (status = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Fails when the page is wider than the window (a table or a long id overflowing on a phone). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

/**
 * Opens `url` and waits until `ready(page)` is visible (the content a user came for, rendered by
 * the server); logs and returns the milliseconds that took, with the browser's navigation timing
 * (first byte, page fully loaded with its scripts). Measured and reported, not asserted: a busy
 * machine must not fail a spec.
 */
export async function timePageLoad(
  page: Page,
  url: string,
  ready: (page: Page) => ReturnType<Page["locator"]>,
  label: string,
): Promise<number> {
  const started = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  // waitFor watches the page continuously; expect().toBeVisible() retries with growing pauses
  // (up to 1 s), which would blur the figure.
  await ready(page).waitFor({ state: "visible" });
  const elapsed = Date.now() - started;
  await page.waitForLoadState("load");
  const timing = await page.evaluate(async () => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    // Largest contentful paint: when the page's main content was painted, by the browser's own clock.
    const paint = await new Promise<number | null>((resolve) => {
      new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? null)).observe({
        type: "largest-contentful-paint",
        buffered: true,
      });
      setTimeout(() => resolve(null), 1_000);
    });
    return navigation
      ? {
          firstByte: Math.round(navigation.responseStart),
          paint: paint === null ? null : Math.round(paint),
          loaded: Math.round(navigation.loadEventEnd),
        }
      : null;
  });
  const details = timing
    ? ` (first byte ${timing.firstByte} ms, largest paint ${timing.paint ?? "?"} ms, scripts loaded ${timing.loaded} ms)`
    : "";
  console.info(`[load] ${label}: ${elapsed} ms until shown${details}`);
  return elapsed;
}

/** A full-page screenshot from the top of the page (a sticky header stays where it belongs). */
export async function saveScreenshotFromTop(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, testInfo, name);
}

/** The running e2e instance's data directory (its pg.json, encryption key), for scripts run against it. */
export async function e2eDataDir(): Promise<string> {
  const file = process.env.HOOKLINE_E2E_STATE_FILE;
  if (!file)
    throw new Error("HOOKLINE_E2E_STATE_FILE is not set: these steps need the instance the global setup started");
  const { readFile } = await import("node:fs/promises");
  return (JSON.parse(await readFile(file, "utf8")) as { dataDir: string }).dataDir;
}

/** The typed API client (client/) with the instance's platform key, as a platform backend uses it. */
export function platformClient(): HooklineClient {
  return createHooklineClient({ baseUrl: baseUrl(), apiKey: E2E_ADMIN_KEY });
}

/** A new event type in the catalog (platform key), with a schema and an example for test events. */
export async function createCatalogEventType(prefix = "order"): Promise<string> {
  const name = `${unique(prefix)}.paid`;
  await platformClient().eventTypes.create({
    name,
    description: "An order was paid.",
    schema: {
      type: "object",
      properties: { orderId: { type: "string" }, amount: { type: "integer" } },
      required: ["orderId"],
    },
    example: { orderId: "ord_example", amount: 4200 },
  });
  return name;
}

/** An endpoint of `tenantId` created through the API; returns its id. */
export async function createEndpointViaApi(
  tenantId: string,
  body: {
    url: string;
    name?: string;
    eventTypes?: string[];
    rateLimit?: number;
    description?: string;
    retrySchedule?: string[];
  },
): Promise<string> {
  return (await platformClient().endpoints.create(tenantId, body)).id;
}

/** Publishes one message through the API, as the platform's backend does; returns its id. */
export async function publishViaApi(
  tenantId: string,
  eventType: string,
  payload: object = { orderId: unique("ord") },
): Promise<string> {
  return (await platformClient().messages.publish(tenantId, { eventType, payload: payload as Record<string, unknown> }))
    .id;
}

/** The `d` of every drawn path in `chart` (bars, lines) that goes through at least `points` points. */
export async function chartPaths(chart: ReturnType<Page["locator"]>, points = 2): Promise<string[]> {
  const paths = await chart
    .locator("svg path")
    .evaluateAll((elements) => elements.map((element) => element.getAttribute("d") ?? ""));
  // Two numbers per point, whatever the commands (a bar is "M x,y h w v h h -w Z").
  return paths.filter((d) => (d.match(/-?\d+(\.\d+)?/g) ?? []).length >= points * 2);
}

/** Milliseconds from navigation until each named part of a page was visible; null when it never showed. */
export type PageTimes = Record<string, number | null>;

/**
 * Opens `url` (or runs `navigate`) and times, from that moment, when each of `parts` became
 * visible (the page's main content, its charts, …), watched at once. Logs the figures; they are
 * reported (writePageSpeed), never asserted: a busy machine must not fail a spec.
 */
export async function timeParts(
  page: Page,
  label: string,
  navigate: string | ((page: Page) => Promise<unknown>),
  parts: Record<string, (page: Page) => ReturnType<Page["locator"]>>,
): Promise<PageTimes> {
  const started = Date.now();
  if (typeof navigate === "string") await page.goto(navigate, { waitUntil: "commit" });
  else await navigate(page);
  const entries = await Promise.all(
    Object.entries(parts).map(async ([part, locate]) => {
      try {
        await locate(page).first().waitFor({ state: "visible", timeout: 30_000 });
        return [part, Date.now() - started] as const;
      } catch {
        return [part, null] as const;
      }
    }),
  );
  const times = Object.fromEntries(entries);
  console.info(
    `[speed] ${label}: ${Object.entries(times)
      .map(([part, ms]) => `${part} ${ms ?? "never"} ms`)
      .join(", ")}`,
  );
  return times;
}

/** Appends page timings to <artifacts>/page-speed.jsonl, one line per page and project. */
export async function writePageSpeed(testInfo: TestInfo, page: string, times: PageTimes): Promise<void> {
  const { appendFile, mkdir } = await import("node:fs/promises");
  const dir = testInfo.project.outputDir;
  await mkdir(dir, { recursive: true });
  await appendFile(
    path.join(dir, "page-speed.jsonl"),
    `${JSON.stringify({ at: new Date().toISOString(), project: testInfo.project.name, page, ...times })}\n`,
  );
}

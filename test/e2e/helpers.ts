// Shared steps of the browser specs: where Hookline is, screenshots, signing in and up, and the
// API calls that set up data (with the instance's platform key, as a platform backend would).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { E2E_ADMIN_KEY, E2E_OPERATOR } from "./global-setup";

export { E2E_ADMIN_KEY, E2E_OPERATOR };

export function baseUrl(): string {
  const url = process.env.HOOKLINE_E2E_URL;
  if (!url) throw new Error("HOOKLINE_E2E_URL is not set: the global setup did not start Hookline");
  return url;
}

/** Saves a full-page screenshot as test/e2e/screenshots/<name>-<project>.png (kept in git, looked at by people). */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: path.join(import.meta.dirname, "screenshots", `${name}-${testInfo.project.name}.png`), fullPage: true });
}

/** A unique suffix, so specs never collide on emails or names (projects run the same spec twice). */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/** Calls the REST API with the platform key. */
export async function api<T>(method: string, apiPath: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}${apiPath}`, {
    method,
    headers: { authorization: `Bearer ${E2E_ADMIN_KEY}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
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

/** Registers a new user with a tenant of their own through the form; returns the tenant id. */
export async function registerWithTenant(page: Page, options: { email?: string; password?: string; tenantName?: string } = {}): Promise<{ email: string; password: string; tenantId: string }> {
  const email = options.email ?? `${unique("user")}@example.test`;
  const password = options.password ?? "a-good-password";
  await page.goto(`${baseUrl()}/register`);
  await page.getByLabel("Name").fill("Test User");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Organization").fill(options.tenantName ?? unique("Acme"));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/t\/tnt_[0-9A-Z]{26}/);
  const tenantId = /\/t\/(tnt_[0-9A-Z]{26})/.exec(page.url())![1]!;
  return { email, password, tenantId };
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
export async function joinTenantAs(browser: Browser, tenantId: string, role: "owner" | "admin" | "viewer"): Promise<{ page: Page; context: BrowserContext; email: string }> {
  const email = `${unique(role)}@example.test`;
  const password = "a-good-password";
  const invite = await api<{ token: string }>("POST", `/api/v1/tenants/${tenantId}/invites`, { email, role });
  const response = await fetch(`${baseUrl()}/api/account/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, inviteToken: invite.token }),
  });
  if (response.status !== 201) throw new Error(`could not register ${email}: ${response.status} ${await response.text()}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { page, context, email };
}

/** A receiver on 127.0.0.1 for a spec: records what arrives, answers with `status()` (changeable). */
export async function startReceiver(initialStatus = 200): Promise<{ url: string; received: Array<{ path: string; body: string; headers: Record<string, string | string[] | undefined> }>; setStatus(status: number): void; close(): Promise<void> }> {
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

// Security headers on every page, and the dashboard working under them: a Content-Security-Policy
// with a per-response nonce and no 'unsafe-eval', frame-ancestors 'none' (nobody may frame the
// dashboard), nosniff and a strict referrer policy; then the operator walks through the pages
// and the API docs with the browser reporting no CSP violation.
import { expect, test, type ConsoleMessage } from "@playwright/test";
import { baseUrl, mainNav, signInAsOperator } from "./helpers";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.split(/\s+/)[0]!, part.slice(part.indexOf(" ") + 1)] as [string, string]),
  );
}

test("should send the security headers on every kind of page", async ({ request }) => {
  const nonces = new Set<string>();
  let pages = 0;
  for (const path of ["/", "/sign-in", "/register", "/docs", "/t/tnt_01J00000000000000000000000/portal-missing"]) {
    const response = await request.get(`${baseUrl()}${path}`, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    if (response.status() >= 300 && response.status() < 400) continue; // the redirect to sign-in
    const csp = headers["content-security-policy"];
    expect(csp, path).toBeTruthy();
    const policy = directives(csp!);
    expect(policy.get("frame-ancestors"), path).toBe("'none'");
    expect(policy.get("object-src"), path).toBe("'none'");
    expect(policy.get("script-src"), path).not.toContain("unsafe-eval");
    expect(policy.get("script-src"), path).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(policy.get("script-src") ?? "")?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    pages++;
    // Every script of the page carries it.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  expect(pages).toBe(4);
  expect(nonces.size).toBe(pages); // a fresh nonce per response
  // The API answers JSON with nosniff too.
  const api = await request.get(`${baseUrl()}/api/health`);
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("should refuse to be framed by another page", async ({ page }) => {
  const messages: string[] = [];
  page.on("console", (message) => messages.push(message.text()));
  await page.setContent(`<iframe id="framed" src="${baseUrl()}/sign-in"></iframe>`);
  await expect.poll(() => messages.some((text) => /frame-ancestors/.test(text))).toBe(true);
  await expect(page.frameLocator("#framed").getByRole("heading", { name: "Sign in" })).toHaveCount(0);
});

test("should work under the policy: no CSP violation on the operator's pages and the API docs", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  await signInAsOperator(page);
  for (const name of ["Tenants", "Catalog", "System"]) {
    await (await mainNav(page)).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto(`${baseUrl()}/docs`);
  await expect(page.getByText("Hookline API").first()).toBeVisible({ timeout: 20_000 });
  expect(violations).toEqual([]);
});

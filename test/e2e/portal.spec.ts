// Portal links as a platform uses them: its backend asks for a link (platform key) and opens it
// for one of its customers, or embeds it in an iframe on its own page. The customer manages the
// tenant's endpoints and sees nothing else (no settings, no operator pages, no other tenant); a
// used link shows "This link has expired"; the parent page hears about navigation and size;
// only allowed origins can frame it; the tenant's theme shows. No CSP violation on the way.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type ConsoleMessage, type Page } from "@playwright/test";
import {
  api,
  baseUrl,
  createCatalogEventType,
  expectNoHorizontalOverflow,
  publishViaApi,
  saveScreenshotFromTop,
  signInAsOperator,
  startReceiver,
  unique,
} from "./helpers";

interface PortalAccess {
  url: string;
  token: string;
  expiresAt: string;
}

async function createTenant(name = unique("Portal Co")): Promise<string> {
  return (await api<{ id: string }>("POST", "/api/v1/tenants", { name })).id;
}

/** A portal link for `tenantId`, pointed at the address the browser tests use. */
async function portalLink(tenantId: string, body: Record<string, unknown> = {}, query = ""): Promise<string> {
  const access = await api<PortalAccess>("POST", `/api/v1/tenants/${tenantId}/portal-access`, {
    user: { id: "cust-7", email: "dana@customer.example", name: "Dana Customer" },
    ...body,
  });
  const url = new URL(access.url);
  return `${baseUrl()}${url.pathname}${query}${url.hash}`;
}

/** Collects the browser's CSP complaints, so a spec can say there were none. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

/** A parent page for the embedding tests, on loopback: reachable as http://127.0.0.1:<port> and http://localhost:<port>. */
async function startParentSite(): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const src = new URL(request.url ?? "/", "http://parent").searchParams.get("src") ?? "";
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Platform settings</title>
<style>body{font-family:sans-serif;margin:0;background:#eef2f7} header{background:#1e293b;color:#fff;padding:14px 24px;font-weight:600}
main{padding:24px} iframe{width:100%;border:1px solid #cbd5e1;border-radius:8px;background:#fff;height:400px}</style></head>
<body><header>Acme Platform · Settings › Webhooks</header><main><iframe id="portal" title="Webhooks" src="${src.replace(/"/g, "&quot;")}"></iframe></main>
<script>
window.portalMessages = [];
window.addEventListener("message", (event) => {
  window.portalMessages.push({ origin: event.origin, data: event.data });
  if (event.data && event.data.type === "hookline:resize") document.getElementById("portal").style.height = event.data.height + "px";
});
</script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("should open a portal link and manage the tenant's endpoints, and nothing else", async ({
  page,
  browser,
}, testInfo) => {
  const violations = watchCsp(page);
  const receiver = await startReceiver(200);
  try {
    const tenantName = unique("Globex");
    const tenantId = await createTenant(tenantName);
    const otherTenantId = await createTenant();
    const link = await portalLink(tenantId);

    await page.goto(link);
    await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}`);
    await expect(page.getByRole("heading", { name: tenantName })).toBeVisible();
    // The token left the address bar and the history at once.
    expect(page.url()).not.toContain("token");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(["Overview", "Endpoints", "Messages", "Event types"]);
    await expect(page.getByRole("combobox")).toHaveCount(0); // no tenant switcher
    await expect(page.getByText("Dana Customer")).toBeVisible({
      visible: testInfo.project.name === "desktop" ? true : false,
    });
    await expect(page.getByText("Powered by Hookline")).toBeVisible();
    await expect(page.getByRole("figure", { name: /^Latency/ })).toContainText("No attempts in this range");
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "portal-overview");

    // Manage endpoints as the tenant: create one through the form, then delete it.
    await nav.getByRole("link", { name: "Endpoints" }).click();
    await page.getByRole("link", { name: "Add endpoint", exact: true }).click();
    await page.getByLabel("Endpoint URL").fill(`${receiver.url}/portal-hooks`);
    await page.getByLabel("Description").fill("Added from the portal");
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(page).toHaveURL(new RegExp(`/t/${tenantId}/endpoints/ep_[0-9A-Z]{26}$`));
    const endpointId = page.url().split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${receiver.url}/portal-hooks`);
    await saveScreenshotFromTop(page, testInfo, "portal-endpoint");
    await page.locator("main > div").first().getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete this endpoint?" })
      .getByRole("button", { name: "Delete endpoint" })
      .click();
    await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}/endpoints`);

    // The operator sees who did it: the platform's user named in the link.
    const audit = await api<{
      data: Array<{ action: string; actor: { kind: string; id: string; name: string }; target: { id: string } }>;
    }>("GET", `/api/v1/tenants/${tenantId}/audit-events`);
    expect(audit.data.map((event) => event.action)).toEqual(["endpoint.deleted", "endpoint.created"]);
    expect(audit.data[1]).toMatchObject({
      actor: { kind: "portal", id: "cust-7", name: "Dana Customer" },
      target: { id: endpointId },
    });
    // …and in the dashboard: the tenant's settings show operators the audit trail.
    const operatorContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const operator = await operatorContext.newPage();
    await signInAsOperator(operator);
    await operator.goto(`${baseUrl()}/t/${tenantId}/settings`);
    const trail = operator.getByRole("table", { name: "Audit trail" });
    await expect(trail.getByRole("row")).toHaveCount(3);
    await expect(trail.getByRole("row").nth(1)).toContainText("endpoint.deleted");
    await expect(trail.getByRole("row").nth(2)).toContainText("endpoint.created");
    await expect(trail.getByRole("row").nth(2)).toContainText("Dana Customer");
    await expect(trail.getByRole("row").nth(2)).toContainText("portal");
    await operator.getByRole("heading", { name: "Audit trail" }).scrollIntoViewIfNeeded();
    await saveScreenshotFromTop(operator, testInfo, "portal-audit-trail");
    await operatorContext.close();

    // Settings, operator pages and other tenants do not exist for a portal session.
    for (const path of [
      `/t/${tenantId}/settings`,
      "/operator/system",
      "/operator/tenants",
      `/t/${otherTenantId}`,
      `/t/${otherTenantId}/endpoints`,
    ]) {
      const response = await page.goto(`${baseUrl()}${path}`);
      expect(response?.status(), path).toBe(404);
    }
    await page.goto(`${baseUrl()}/t`);
    await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}`);
    expect(violations).toEqual([]);

    // The link worked once: opened again (another browser), it has expired.
    const context = await browser.newContext();
    const again = await context.newPage();
    await again.goto(link);
    await expect(again.getByRole("heading", { name: "This link has expired" })).toBeVisible();
    await expect(again.getByText("Go back to Hookline and open Webhooks again.")).toBeVisible();
    await saveScreenshotFromTop(again, testInfo, "portal-link-expired");
    const response = await again.goto(`${baseUrl()}/t/${tenantId}`);
    await expect(again).toHaveURL(/\/sign-in/);
    expect(response?.ok()).toBe(true);
    await context.close();
  } finally {
    await receiver.close();
  }
});

test("should keep a viewer link to reading @desktop-only", async ({ page }) => {
  const tenantId = await createTenant();
  await api("POST", `/api/v1/tenants/${tenantId}/endpoints`, { url: "http://127.0.0.1:9/read-only" });
  await page.goto(await portalLink(tenantId, { role: "viewer" }));
  await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Endpoints" }).click();
  await expect(
    page.getByRole("link", { name: "http://127.0.0.1:9/read-only" }).filter({ visible: true }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Add endpoint", exact: true })).toHaveCount(0);
  const response = await page.goto(`${baseUrl()}/t/${tenantId}/endpoints/new`);
  expect(response?.status()).toBe(404);
});

test("should show a clear page for a tampered link @desktop-only", async ({ page }) => {
  const tenantId = await createTenant();
  const link = await portalLink(tenantId);
  const tampered = link.replace(/#token=hlp_(.)/, (_, first: string) => `#token=hlp_${first === "A" ? "B" : "A"}`);
  expect(tampered).not.toBe(link);
  await page.goto(tampered);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  // The untampered link still works: a tampered copy spends nothing.
  await page.goto(link);
  await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}`);
});

test("should embed in an iframe on an allowed origin, tell the parent about navigation and size, and refuse other origins", async ({
  page,
}, testInfo) => {
  const parent = await startParentSite();
  try {
    const tenantId = await createTenant(unique("Initech"));
    // Allowed: the platform's page at http://localhost:<port> (another site than Hookline's
    // http://127.0.0.1:<port>, so the session cookie works only as SameSite=None; Partitioned).
    const allowed = `http://localhost:${parent.port}`;
    await api("PATCH", `/api/v1/tenants/${tenantId}`, { portal: { allowedOrigins: [allowed] } });

    // From a page of another origin (same host, other name), the browser refuses to frame it.
    const refused = await portalLink(tenantId, {}, "?embed=1");
    const blocked: string[] = [];
    page.on("console", (message) => blocked.push(message.text()));
    await page.goto(`http://127.0.0.1:${parent.port}/?src=${encodeURIComponent(refused)}`);
    await expect.poll(() => blocked.some((text) => /frame-ancestors/.test(text))).toBe(true);
    const refusedFrame = page.frameLocator("#portal");
    await expect(
      refusedFrame.getByRole("heading", { name: /Opening your webhooks|This link has expired/ }),
    ).toHaveCount(0);

    // From the allowed origin it loads, signs in and lands on the overview, without app chrome.
    const violations = watchCsp(page);
    const link = await portalLink(tenantId, {}, "?embed=1");
    await page.goto(`${allowed}/?src=${encodeURIComponent(link)}`);
    const frame = page.frameLocator("#portal");
    await expect(
      frame.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Endpoints" }),
    ).toBeVisible();
    await expect(frame.getByText("Powered by Hookline")).toBeVisible();
    await expect(frame.getByRole("banner")).toHaveCount(0);
    const messages = () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              portalMessages: Array<{ origin: string; data: { type: string; path?: string; height?: number } }>;
            }
          ).portalMessages,
      );
    await expect
      .poll(async () =>
        (await messages()).some(
          (message) => message.data.type === "hookline:navigate" && message.data.path === `/t/${tenantId}`,
        ),
      )
      .toBe(true);
    await expect
      .poll(async () =>
        (await messages()).some(
          (message) => message.data.type === "hookline:resize" && (message.data.height ?? 0) > 200,
        ),
      )
      .toBe(true);
    expect((await messages()).every((message) => message.origin === new URL(baseUrl()).origin)).toBe(true);

    await frame.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Endpoints" }).click();
    await expect(frame.getByRole("heading", { name: "No endpoints yet" })).toBeVisible();
    await expect
      .poll(async () =>
        (await messages()).some(
          (message) => message.data.type === "hookline:navigate" && message.data.path === `/t/${tenantId}/endpoints`,
        ),
      )
      .toBe(true);
    // The iframe grew to the height the portal reported: no inner scroll bar.
    const height = await page.locator("#portal").evaluate((element) => element.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(200);
    expect(violations).toEqual([]);
    await saveScreenshotFromTop(page, testInfo, "portal-embedded");

    // The refused embed spent nothing: its link still opens the portal directly.
    await page.goto(refused);
    await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}`);
  } finally {
    await parent.close();
  }
});

test("should show the tenant's theme, set by the operator: brand name, logo, primary colour and dark mode", async ({
  page,
  browser,
}, testInfo) => {
  const violations = watchCsp(page);
  const logoServer = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "image/svg+xml" });
    response.end(
      `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="32" viewBox="0 0 96 32"><rect width="32" height="32" rx="8" fill="#14b8a6"/><path d="M9 16h14M16 9v14" stroke="#fff" stroke-width="4"/><text x="38" y="22" font-family="sans-serif" font-size="15" font-weight="700" fill="#14b8a6">NW</text></svg>`,
    );
  });
  await new Promise<void>((resolve) => logoServer.listen(0, "127.0.0.1", resolve));
  const receiver = await startReceiver(200);
  try {
    const tenantId = await createTenant(unique("Northwind Traders"));
    const logoUrl = `http://127.0.0.1:${(logoServer.address() as AddressInfo).port}/logo.svg`;
    // The operator sets the tenant's look in its settings (the same PATCH /tenants/{t} `portal` the API takes).
    const operatorContext = await browser.newContext();
    const operator = await operatorContext.newPage();
    await signInAsOperator(operator);
    await operator.goto(`${baseUrl()}/t/${tenantId}/settings`);
    const card = operator
      .locator("section")
      .filter({ has: operator.getByRole("heading", { name: "Portal", exact: true }) });
    await card.getByLabel("Primary colour").fill("teal");
    await card.getByRole("button", { name: "Save portal" }).click();
    await expect(card.getByLabel("Primary colour")).toHaveAccessibleDescription(/must be a colour like #2756e0/);
    await card.getByLabel("Brand name").fill("Northwind Cloud");
    await card.getByLabel("Logo URL").fill(logoUrl);
    await card.getByLabel("Primary colour").fill("#0d9488");
    await card.getByLabel("Theme").selectOption("dark");
    await card.getByRole("button", { name: "Save portal" }).click();
    await expect(operator.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
    await operatorContext.close();
    expect((await api<{ portal: unknown }>("GET", `/api/v1/tenants/${tenantId}`)).portal).toEqual({
      brandName: "Northwind Cloud",
      logoUrl,
      primaryColor: "#0d9488",
      theme: "dark",
    });
    const eventType = await createCatalogEventType("shipment");
    await api("POST", `/api/v1/tenants/${tenantId}/endpoints`, {
      url: `${receiver.url}/themed`,
      description: "Orders",
    });
    for (let index = 0; index < 4; index++) await publishViaApi(tenantId, eventType);

    // The expired page wears the theme too.
    await page.goto(`${baseUrl()}/portal/${tenantId}`);
    await expect(page.getByText("Go back to Northwind Cloud and open Webhooks again.")).toBeVisible();

    await page.goto(await portalLink(tenantId));
    await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}`);
    await expect(page.getByRole("banner")).toContainText("Northwind Cloud");
    await expect(page.getByRole("banner").locator("img")).toHaveAttribute("src", logoUrl);
    const look = await page.evaluate(() => ({
      brand: getComputedStyle(document.documentElement).getPropertyValue("--color-brand-600").trim(),
      background: getComputedStyle(document.body).backgroundColor,
      scheme: getComputedStyle(document.documentElement).colorScheme,
    }));
    expect(look.brand).toBe("#0d9488");
    await expect(page.getByRole("figure", { name: /^Messages and attempts/ })).toContainText("4 messages", {
      timeout: 20_000,
    });
    expect(look.scheme).toBe("dark");
    // A dark page: every channel of the background is low.
    const channels = (look.background.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    expect(Math.max(...channels)).toBeLessThan(40);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveCSS(
      "color",
      /rgb/,
    );
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "portal-themed-overview");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Endpoints" }).click();
    await expect(page.getByRole("link", { name: `${receiver.url}/themed` }).filter({ visible: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Add endpoint", exact: true })).toHaveCSS(
      "background-color",
      "rgb(13, 148, 136)",
    );
    await saveScreenshotFromTop(page, testInfo, "portal-themed-endpoints");
    expect(violations).toEqual([]);
  } finally {
    await receiver.close();
    await new Promise<void>((resolve) => logoServer.close(() => resolve()));
  }
});

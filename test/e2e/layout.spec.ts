// What a first hour on the dashboard trips over, at desktop and phone width: confirmations that
// cover the thing to copy, tables whose actions sit off-screen, menus without the API docs, and
// descriptions that show markdown as literal backticks.
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  api,
  baseUrl,
  createCatalogEventType,
  createEndpointViaApi,
  expectNoHorizontalOverflow,
  joinTenantAs,
  mainNav,
  publishViaApi,
  registerWithTenant,
  signInAsOperator,
  startReceiver,
  unique,
} from "./helpers";

/**
 * Fails unless a click at the middle of `locator` reaches it: on screen (scrolled to if need be),
 * inside the window's width, and not covered by anything (a toast, a sticky bar, a dialog).
 */
async function expectClickable(locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const hit = await locator.evaluate((element) => {
    // To the middle of the window, as a user scrolls to it (the top edge is under the sticky header).
    element.scrollIntoView({ block: "center", inline: "nearest" });
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const top = document.elementFromPoint(x, y);
    return {
      inside: box.left >= 0 && box.right <= window.innerWidth && y >= 0 && y <= window.innerHeight,
      reached: top !== null && (top === element || element.contains(top)),
      covering: top && top !== element && !element.contains(top) ? top.outerHTML.slice(0, 160) : null,
    };
  });
  const name = (await locator.textContent())?.trim();
  expect(hit.inside, `"${name}" is outside the window`).toBe(true);
  expect(hit.reached, `"${name}" is covered by ${hit.covering}`).toBe(true);
}

const heading = (page: Page) => page.getByRole("main").getByRole("heading", { level: 1 });

test("should keep what the user must copy or read clear of toasts", async ({ page }) => {
  const receiver = await startReceiver();
  try {
    const eventType = await createCatalogEventType("toast");
    const owner = await registerWithTenant(page);

    // The shown-once API key: confirmed in its own panel, its Copy button free to click.
    await page.goto(`${baseUrl()}/t/${owner.tenantId}/settings`);
    await page.getByLabel("Key name").fill("billing backend");
    await page.getByRole("button", { name: "Create key" }).click();
    const created = page.getByRole("region", { name: "New API key" });
    await expect(created.getByRole("status")).toHaveText("API key “billing backend” created.");
    await expectClickable(created.getByRole("button", { name: "Copy", exact: true }));

    // The shown-once invite link, likewise.
    await page.getByLabel("Email", { exact: true }).fill(`${unique("invited")}@example.test`);
    await page.getByRole("button", { name: "Create invite" }).click();
    const invite = page.getByRole("region", { name: "New invite link" });
    await expect(invite.getByRole("status")).toContainText("created.");
    await expectClickable(invite.getByRole("button", { name: "Copy", exact: true }));

    // A new endpoint: its page says so beside the secret, shown with its Copy button.
    await page.goto(`${baseUrl()}/t/${owner.tenantId}/endpoints/new`);
    await page.getByLabel("Endpoint URL").fill(`${receiver.url}/hooks`);
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Endpoint created" })).toBeVisible();
    await expect(page.getByLabel("Signing secret")).toContainText(/^whsec_[A-Za-z0-9+/=]+$/);
    await expectClickable(page.getByRole("button", { name: "Copy secret" }));
    // The confirmation belongs to this visit: the address has no ?created=1 left to repeat it.
    await expect(page).toHaveURL(/\/endpoints\/ep_[0-9A-Z]{26}$/);

    // A test event: its answer is readable and its link clickable right away.
    await page.getByLabel("Event type").selectOption(eventType);
    await page.getByRole("button", { name: "Send test event" }).click();
    const result = page.getByRole("status", { name: "Test event result" });
    await expect(result).toContainText("Delivered");
    await expectClickable(result.getByRole("link", { name: "Open the test message" }));
    await expectClickable(page.getByRole("button", { name: "Copy secret" }));
  } finally {
    await receiver.close();
  }
});

test("should show every table's row actions on screen, with no page wider than the window", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // a dozen pages, each opened and measured
  const owner = await registerWithTenant(page);
  const eventType = await createCatalogEventType("layout");
  const endpointId = await createEndpointViaApi(owner.tenantId, {
    url: "http://127.0.0.1:9/a/rather/long/path/to/the/receiver/webhooks",
    eventTypes: [eventType],
  });
  const messageId = await publishViaApi(owner.tenantId, eventType);
  await api("POST", `/api/v1/tenants/${owner.tenantId}/invites`, { email: `${unique("later")}@example.test` });
  await api("POST", "/api/v1/api-keys", { tenantId: owner.tenantId, name: "billing backend", role: "admin" });
  const member = await joinTenantAs(browser, owner.tenantId, "viewer");
  await member.context.close();

  const tenantPages = ["", "/endpoints", `/endpoints/${endpointId}`, "/messages", `/messages/${messageId}`];
  const operatorPages = ["/operator/tenants", "/operator/catalog", "/operator/system"];
  for (const section of [...tenantPages, "/event-types", "/settings"]) {
    await page.goto(`${baseUrl()}/t/${owner.tenantId}${section}`);
    await expect(heading(page)).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }

  // Settings: members (Remove), invites (Revoke), API keys (Revoke), each row's actions on screen.
  const settings = page;
  for (const [table, action] of [
    ["Members", /^Remove /],
    ["Pending invites", /^Revoke the invite/],
    ["API keys", /^Revoke the key/],
  ] as const) {
    const buttons = settings.getByRole("table", { name: table }).getByRole("button", { name: action });
    await expect(buttons.first()).toBeVisible();
    for (const button of await buttons.all()) if (await button.isEnabled()) await expectClickable(button);
  }
  await expectClickable(settings.getByRole("table", { name: "Members" }).getByRole("combobox").last());

  // The operator's tables: tenants (the link to each), catalog (Edit, Archive), workers.
  await page.context().clearCookies();
  await signInAsOperator(page);
  for (const section of operatorPages) {
    await page.goto(`${baseUrl()}${section}`);
    await expect(heading(page)).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }
  await page.goto(`${baseUrl()}/operator/catalog`);
  const row = page.getByRole("table", { name: "Event types" }).getByRole("row").filter({ hasText: eventType });
  await expectClickable(row.getByRole("button", { name: `Edit ${eventType}` }));
  await expectClickable(row.getByRole("button", { name: `Archive ${eventType}` }));
  await page.goto(`${baseUrl()}/operator/tenants`);
  await expectClickable(page.getByRole("table", { name: "Tenants" }).getByRole("link").first());
  await page.goto(`${baseUrl()}/operator/system`);
  const workers = page.getByRole("table", { name: "Workers" });
  await expect(workers.getByRole("cell").first()).toBeVisible();
  const box = (await workers.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
});

test("should reach the API docs from the menu, and fit the header on one line", async ({ page }) => {
  const owner = await registerWithTenant(page);
  await page.goto(`${baseUrl()}/t/${owner.tenantId}/endpoints`);
  const signOut = page.getByRole("button", { name: "Sign out" });
  const lineHeight = await signOut.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  expect((await signOut.boundingBox())!.height, "Sign out wraps onto two lines").toBeLessThan(lineHeight * 2);
  const header = await page
    .getByRole("banner")
    .evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(header.scrollWidth).toBeLessThanOrEqual(header.clientWidth);
  // The header's link on a wide screen, the menu's on a phone.
  const nav = await mainNav(page);
  await nav
    .getByRole("link", { name: "API docs" })
    .or(page.getByRole("banner").getByRole("link", { name: "API docs" }))
    .filter({ visible: true })
    .first()
    .click();
  await expect(page).toHaveURL(/\/docs$/);
  await expect(page.getByRole("heading", { name: /Hookline API/ })).toBeVisible({ timeout: 30_000 });
});

test("should render markdown in event-type descriptions, beside the schema badge and never as HTML", async ({
  page,
}) => {
  const name = `${unique("md")}.created`;
  await api("POST", "/api/v1/event-types", {
    name,
    description:
      "Sent when a customer's details change; `changes` holds the new values, **always** with the ones " +
      "that changed since the last event of this type, so a receiver can update its copy without a read back. " +
      '<img src="x" onerror="window.__pwned = true"> [docs](javascript:window.__pwned=true)',
    schema: { type: "object" },
  });
  // The tenant's catalog renders it the same way…
  const owner = await registerWithTenant(page);
  await page.goto(`${baseUrl()}/t/${owner.tenantId}/event-types?q=${encodeURIComponent(name)}`);
  const card = page.locator("details").filter({ hasText: name });
  await expect(card.locator("code").filter({ hasText: /^changes$/ })).toBeVisible();
  await expect(card).not.toContainText("`");
  await expect(card.locator("img")).toHaveCount(0);

  // …as the operator's does.
  await page.context().clearCookies();
  await signInAsOperator(page);
  await page.goto(`${baseUrl()}/operator/catalog`);
  const row = page.getByRole("table", { name: "Event types" }).getByRole("row").filter({ hasText: name });
  await expect(row.locator("code").filter({ hasText: /^changes$/ })).toBeVisible();
  await expect(row.locator("strong").filter({ hasText: "always" })).toBeVisible();
  await expect(row).not.toContainText("`");
  await expect(row.locator("img")).toHaveCount(0);
  await expect(row.getByRole("link", { name: "docs" })).not.toHaveAttribute("href", /javascript:/);
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
  // The description wraps in its own column: it ends before the "JSON Schema" badge starts.
  const description = (await row.locator("p").first().boundingBox())!;
  const badge = (await row.getByText("JSON Schema").boundingBox())!;
  const overlaps =
    description.x < badge.x + badge.width &&
    badge.x < description.x + description.width &&
    description.y < badge.y + badge.height &&
    badge.y < description.y + description.height;
  expect(overlaps, "the description runs under the JSON Schema badge").toBe(false);
  await expectNoHorizontalOverflow(page);
});

test("should serve a favicon with every page", async ({ page }) => {
  await page.goto(`${baseUrl()}/sign-in`);
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href!, baseUrl()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("should list endpoints by name, then host and path, shortened to host and last segment on a phone", async ({
  page,
}, testInfo) => {
  const owner = await registerWithTenant(page);
  const named = await createEndpointViaApi(owner.tenantId, {
    url: "http://127.0.0.1:9/services/billing/v2/webhooks/hookline",
    name: "Billing service",
  });
  await createEndpointViaApi(owner.tenantId, { url: "http://127.0.0.1:9/crm/receiver/events" });
  await page.goto(`${baseUrl()}/t/${owner.tenantId}/endpoints`);
  const table = page.getByRole("table", { name: "Endpoints" });
  const billing = table.getByRole("row").filter({ hasText: "Billing service" });
  const crm = table
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "http://127.0.0.1:9/crm/receiver/events" }) });
  if (testInfo.project.name === "phone") {
    await expect(billing).toContainText("127.0.0.1:9/…/hookline", { useInnerText: true });
    await expect(billing).not.toContainText("services/billing", { useInnerText: true });
    await expect(crm.getByRole("link")).toHaveText("127.0.0.1:9/…/events", { useInnerText: true });
  } else {
    await expect(billing).toContainText("127.0.0.1:9/services/billing/v2/webhooks/hookline", { useInnerText: true });
    await expect(crm.getByRole("link")).toHaveText("127.0.0.1:9/crm/receiver/events", { useInnerText: true });
  }
  await expectClickable(billing.getByRole("link", { name: /^Billing service/ }));
  await expectNoHorizontalOverflow(page);

  // Its page is titled by its name, the URL under it; the breadcrumb says the name too.
  await billing.getByRole("link", { name: /^Billing service/ }).click();
  await expect(heading(page)).toContainText("Billing service");
  await expect(page.getByRole("main")).toContainText("http://127.0.0.1:9/services/billing/v2/webhooks/hookline");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Billing service");
  expect(page.url()).toContain(named);

  // The form sets and clears it.
  await page.goto(`${baseUrl()}/t/${owner.tenantId}/endpoints/${named}/edit`);
  await expect(page.getByLabel("Name (optional)")).toHaveValue("Billing service");
  await page.getByLabel("Name (optional)").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/endpoints/${named}$`));
  await expect(heading(page)).toContainText("http://127.0.0.1:9/services/billing/v2/webhooks/hookline");
});

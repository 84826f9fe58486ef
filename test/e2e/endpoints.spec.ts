// The endpoint pages as a tenant user works with them: create one through the form (with the
// URL checked first), watch its deliveries and charts, reveal and rotate its secret, send a test
// event, recover what failed during an outage, disable and enable it, delete it; what a viewer
// sees. Screenshots at both widths, and each page's load time (logged, not asserted).
import { expect, test, type Page } from "@playwright/test";
import {
  api,
  baseUrl,
  chartPaths,
  createCatalogEventType,
  createEndpointViaApi,
  expectNoHorizontalOverflow,
  joinTenantAs,
  mainNav,
  publishViaApi,
  registerWithTenant,
  saveScreenshotFromTop,
  startReceiver,
  timePageLoad,
} from "./helpers";

const attempts = (page: Page) => page.getByRole("list", { name: "Recent attempts" });
const endpointPage = (tenantId: string, endpointId: string) => `${baseUrl()}/t/${tenantId}/endpoints/${endpointId}`;
const header = (page: Page) => page.locator("main > div").first();

test("should create an endpoint through the form, after its URL was checked, and see its first delivery", async ({
  page,
}, testInfo) => {
  const receiver = await startReceiver(200);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType("invoice");
    const otherType = await createCatalogEventType("refund");

    await (await mainNav(page)).getByRole("link", { name: "Endpoints" }).click();
    await expect(page.getByRole("heading", { name: "No endpoints yet" })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "endpoints-empty");
    await page.getByRole("link", { name: "Add endpoint", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Add endpoint" })).toBeVisible();

    // Checked in the browser first: an empty URL is refused next to the field, which gets the focus.
    const url = page.getByLabel("Endpoint URL");
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(url).toHaveAccessibleDescription("Enter the URL that should receive the webhooks.");
    await expect(url).toBeFocused();
    // Then by the server: credentials in a URL are its rule, and its answer lands next to the field too.
    await url.fill(`http://user:secret@127.0.0.1:${new URL(receiver.url).port}/hooks`);
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(url).toHaveAccessibleDescription(/must not contain a user name or password/);
    await expect(page.getByRole("alert").filter({ hasText: "user name or password" }).first()).toBeVisible(); // the toast

    await url.fill(`${receiver.url}/hooks`);
    await page.getByLabel("Description").fill("Billing receiver");
    // Only one type, found with the search over the catalog.
    await page.getByLabel("Only the types I choose").check();
    await page.getByLabel("Search event types").fill(eventType.split(".")[0]!);
    const catalog = page.getByRole("list", { name: "Event types in the catalog" });
    await expect(catalog.getByText(otherType)).toBeHidden();
    await catalog.getByLabel(eventType).check();
    await expect(page.getByRole("list", { name: "Chosen event types" })).toContainText(eventType);
    await page.getByRole("button", { name: "Add header" }).click();
    await page.getByLabel("Header 1 name").fill("X-Team");
    await page.getByLabel("Header 1 value").fill("payments");
    await page.getByLabel("Authentication").selectOption({ label: "Bearer token" });
    await page.getByLabel("Token").fill("receiver-token-1");
    await page.getByLabel("Rate limit (requests/s)").fill("50");
    await page.getByLabel("Timeout (seconds)").fill("10");
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "endpoint-new");
    await page.getByRole("button", { name: "Create endpoint" }).click();

    await expect(page).toHaveURL(new RegExp(`/t/${tenantId}/endpoints/ep_[0-9A-Z]{26}$`));
    const endpointId = page.url().split("/").pop()!;
    await expect(page.getByRole("status").filter({ hasText: "Endpoint created" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${receiver.url}/hooks`);
    const settings = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Settings", exact: true }) });
    await expect(settings).toContainText(eventType);
    await expect(settings).toContainText("Bearer token");
    await expect(settings).toContainText("50 requests/s");
    await expect(settings).toContainText("10 s");
    await expect(attempts(page)).toBeHidden();

    // A message published through the API arrives, and shows up in the open page as an attempt.
    const messageId = await publishViaApi(tenantId, eventType);
    await expect(attempts(page).getByRole("listitem").first()).toContainText("200", { timeout: 15_000 });
    await expect(attempts(page).getByRole("listitem").first()).toContainText(eventType);
    await expect(attempts(page).getByRole("link", { name: `Open message ${messageId}` })).toHaveAttribute(
      "href",
      `/t/${tenantId}/messages/${messageId}`,
    );
    const delivered = receiver.received.find((request) => request.headers["webhook-id"] === messageId)!;
    expect(delivered.headers["x-team"]).toBe("payments");
    expect(delivered.headers.authorization).toBe("Bearer receiver-token-1");

    // The list: its health over 24 h and the last delivery.
    const loaded = await timePageLoad(
      page,
      `${baseUrl()}/t/${tenantId}/endpoints`,
      (current) => current.getByRole("link", { name: `${receiver.url}/hooks` }),
      `endpoints list (${testInfo.project.name})`,
    );
    expect(loaded).toBeGreaterThan(0);
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: `${receiver.url}/hooks` }) })
      .or(page.getByRole("list", { name: "Endpoints" }).getByRole("listitem"));
    await expect(row).toContainText("Enabled");
    await expect(row).toContainText("100%", { timeout: 15_000 });
    await expect(row).toContainText("200");
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "endpoints");

    // Edit: the form comes back filled in, stored credentials stay unless replaced.
    await timePageLoad(
      page,
      `${endpointPage(tenantId, endpointId)}/edit`,
      (current) => current.getByLabel("Endpoint URL"),
      `endpoint edit (${testInfo.project.name})`,
    );
    await expect(page.getByLabel("Endpoint URL")).toHaveValue(`${receiver.url}/hooks`);
    await expect(page.getByLabel("Header 1 value")).toHaveValue("payments");
    await expect(page.getByLabel("Token")).toHaveAttribute("placeholder", "unchanged");
    await page.getByLabel("Description").fill("Billing receiver (v2)");
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "endpoint-edit");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(endpointPage(tenantId, endpointId));
    await expect(page.getByText("Billing receiver (v2)")).toBeVisible();
    const saved = await api<{ description: string; authType: string; hasCustomHeaders: boolean }>(
      "GET",
      `/api/v1/tenants/${tenantId}/endpoints/${endpointId}`,
    );
    expect(saved).toMatchObject({ description: "Billing receiver (v2)", authType: "bearer", hasCustomHeaders: true });
  } finally {
    await receiver.close();
  }
});

test(
  "should draw the endpoint's charts from its traffic, over each range",
  { tag: "@desktop-only" },
  async ({ page }, testInfo) => {
    const receiver = await startReceiver(200);
    try {
      const { tenantId } = await registerWithTenant(page);
      const eventType = await createCatalogEventType();
      const endpointId = await createEndpointViaApi(tenantId, {
        url: `${receiver.url}/charts`,
        description: "Charted",
      });
      for (let index = 0; index < 5; index++) await publishViaApi(tenantId, eventType);
      await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(5);

      await timePageLoad(
        page,
        endpointPage(tenantId, endpointId),
        (current) => current.getByRole("heading", { name: /Performance/ }),
        `endpoint detail (${testInfo.project.name})`,
      );
      const volume = page.getByRole("figure", { name: /^Attempts/ });
      await expect(volume).toContainText("5 attempts", { timeout: 15_000 });
      await expect.poll(async () => (await chartPaths(volume)).length).toBeGreaterThan(0); // the bars
      const latency = page.getByRole("figure", { name: /^Latency/ });
      await expect(latency.locator("svg")).toBeVisible();
      expect(await latency.locator("svg .recharts-line").count()).toBe(3); // p50, p95, p99
      await expect(page.getByRole("figure", { name: /^Success rate/ })).toContainText("100%");

      for (const range of ["Last hour", "Last 7 days", "Last 30 days"]) {
        await page.getByRole("radio", { name: range }).check({ force: true });
        await expect(page.getByRole("heading", { name: /Performance/ })).toContainText(range.toLowerCase());
        await expect(volume).toContainText("5 attempts");
        await expect.poll(async () => (await chartPaths(volume)).length).toBeGreaterThan(0);
      }
      await page.getByRole("radio", { name: "Last hour" }).check({ force: true });
      await expect(volume).toContainText("5 attempts");
      await expectNoHorizontalOverflow(page);
      await saveScreenshotFromTop(page, testInfo, "endpoint-detail");
    } finally {
      await receiver.close();
    }
  },
);

test("should reveal, copy and rotate the signing secret, saying until when the old one signs", async ({ page }) => {
  const receiver = await startReceiver(200);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType();
    const endpointId = await createEndpointViaApi(tenantId, { url: `${receiver.url}/secret` });
    const { secret } = await api<{ secret: string }>(
      "GET",
      `/api/v1/tenants/${tenantId}/endpoints/${endpointId}/secret`,
    );
    await page.goto(endpointPage(tenantId, endpointId));

    const shown = page.getByLabel("Signing secret", { exact: true });
    await expect(shown).not.toContainText(secret);
    await page.getByRole("button", { name: "Reveal" }).click();
    await expect(shown).toHaveText(secret);
    await expect(page.getByRole("button", { name: "Copy secret" })).toBeVisible();

    await page.getByRole("button", { name: "Rotate…" }).click();
    const dialog = page.getByRole("dialog", { name: "Rotate the signing secret?" });
    await expect(dialog).toContainText("keeps signing too, for 24 hours: until about");
    await dialog.getByRole("button", { name: "Rotate secret" }).click();
    await expect(dialog).toBeHidden();
    await expect(shown).not.toHaveText(secret);
    await expect(shown).toHaveText(/^whsec_/);
    const rotated = await api<{ secret: string; previousSecretExpiresAt: string }>(
      "GET",
      `/api/v1/tenants/${tenantId}/endpoints/${endpointId}/secret`,
    );
    await expect(shown).toHaveText(rotated.secret);
    await expect(
      page.getByRole("status").filter({ hasText: "previous secret also signs every webhook until" }),
    ).toBeVisible();
    expect(new Date(rotated.previousSecretExpiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);

    // During the overlap every webhook carries both signatures.
    const messageId = await publishViaApi(tenantId, eventType);
    await expect
      .poll(() => receiver.received.find((request) => request.headers["webhook-id"] === messageId), { timeout: 15_000 })
      .toBeTruthy();
    const signatures = String(
      receiver.received.find((request) => request.headers["webhook-id"] === messageId)!.headers["webhook-signature"],
    ).split(" ");
    expect(signatures).toHaveLength(2);
  } finally {
    await receiver.close();
  }
});

test("should send a test event and show the receiver's answer inline", { tag: "@desktop-only" }, async ({ page }) => {
  const receiver = await startReceiver(200);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType("test");
    const endpointId = await createEndpointViaApi(tenantId, { url: `${receiver.url}/test`, eventTypes: [eventType] });
    await page.goto(endpointPage(tenantId, endpointId));

    await expect(page.getByLabel("Event type", { exact: true })).toHaveValue(eventType);
    await page.getByRole("button", { name: "Send test event" }).click();
    const result = page.getByRole("status", { name: "Test event result" });
    await expect(result).toContainText("Delivered");
    await expect(result).toContainText("200");
    expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({
      type: eventType,
      data: { orderId: "ord_example", amount: 4200 },
    });
    await expect(attempts(page).getByRole("listitem").first()).toContainText("test");

    receiver.setStatus(503);
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(result).toContainText("Not accepted");
    await expect(result).toContainText("503");
  } finally {
    await receiver.close();
  }
});

test(
  "should recover the deliveries that failed since a time, and deliver them",
  { tag: "@desktop-only" },
  async ({ page }, testInfo) => {
    const receiver = await startReceiver(400); // a 4xx is final: the deliveries fail at once
    try {
      const { tenantId } = await registerWithTenant(page);
      const eventType = await createCatalogEventType();
      const endpointId = await createEndpointViaApi(tenantId, { url: `${receiver.url}/outage` });
      await publishViaApi(tenantId, eventType);
      await publishViaApi(tenantId, eventType);
      await page.goto(endpointPage(tenantId, endpointId));
      await expect(attempts(page).getByRole("listitem").filter({ hasText: "400" })).toHaveCount(2, { timeout: 15_000 });
      await expect(page.getByRole("alert").filter({ hasText: "Failing" })).toBeVisible({ timeout: 15_000 });

      receiver.setStatus(200); // the receiver is fixed
      const since = page.getByLabel("Failed since");
      await expect(since).not.toHaveValue("");
      await since.fill(
        new Date(Date.now() - 3_600_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16),
      );
      await page.getByRole("button", { name: "Recover", exact: true }).click();
      await expect(page.getByRole("status", { name: "Recovery result" })).toHaveText(
        /^2 failed deliveries were queued again/,
      );
      await expect(attempts(page).getByRole("listitem").filter({ hasText: "200" })).toHaveCount(2, { timeout: 15_000 });
      expect(receiver.received.filter((request) => request.path === "/outage")).toHaveLength(4);
      await expect(page.getByRole("alert").filter({ hasText: "Failing" })).toBeHidden({ timeout: 15_000 });
      await expectNoHorizontalOverflow(page);
      await saveScreenshotFromTop(page, testInfo, "endpoint-recovered");
    } finally {
      await receiver.close();
    }
  },
);

test(
  "should disable and enable an endpoint, with the reason shown",
  { tag: "@desktop-only" },
  async ({ page }, testInfo) => {
    const receiver = await startReceiver(410); // "gone": Hookline disables the endpoint by itself
    try {
      const { tenantId } = await registerWithTenant(page);
      const eventType = await createCatalogEventType();
      const endpointId = await createEndpointViaApi(tenantId, { url: `${receiver.url}/gone` });
      await page.goto(endpointPage(tenantId, endpointId));
      await publishViaApi(tenantId, eventType);
      const callout = page.getByRole("alert").filter({ hasText: "Disabled" });
      await expect(callout).toContainText("Disabled (gone)", { timeout: 15_000 });
      await expect(callout).toContainText("410 Gone");
      await expect(header(page)).toContainText("Disabled · gone");
      await expect(page.getByRole("button", { name: "Recover", exact: true })).toBeDisabled();
      await expectNoHorizontalOverflow(page);
      await saveScreenshotFromTop(page, testInfo, "endpoint-disabled");

      receiver.setStatus(200);
      await callout.getByRole("button", { name: "Enable endpoint" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Endpoint enabled" })).toBeVisible();
      await expect(callout).toBeHidden();
      await expect(header(page)).toContainText("Enabled");

      await header(page).getByRole("button", { name: "Disable" }).click();
      const dialog = page.getByRole("dialog", { name: "Disable this endpoint?" });
      await expect(dialog).toContainText("deliveries still queued for it fail now");
      await dialog.getByRole("button", { name: "Disable endpoint" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Disabled (manual)" })).toContainText(
        "Disabled by a member of your team",
      );
      expect(
        (
          await api<{ status: string; disabledReason: string }>(
            "GET",
            `/api/v1/tenants/${tenantId}/endpoints/${endpointId}`,
          )
        ).disabledReason,
      ).toBe("manual");
      await header(page).getByRole("button", { name: "Enable" }).click();
      await expect(header(page)).toContainText("Enabled");
      expect((await api<{ status: string }>("GET", `/api/v1/tenants/${tenantId}/endpoints/${endpointId}`)).status).toBe(
        "enabled",
      );
    } finally {
      await receiver.close();
    }
  },
);

test("should delete an endpoint after confirming", { tag: "@desktop-only" }, async ({ page }) => {
  const { tenantId } = await registerWithTenant(page);
  const endpointId = await createEndpointViaApi(tenantId, { url: "http://127.0.0.1:9/delete-me" });
  await page.goto(endpointPage(tenantId, endpointId));
  await header(page).getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this endpoint?" });
  await expect(dialog).toContainText("http://127.0.0.1:9/delete-me");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await header(page).getByRole("button", { name: "Delete" }).click();
  await page
    .getByRole("dialog", { name: "Delete this endpoint?" })
    .getByRole("button", { name: "Delete endpoint" })
    .click();
  await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}/endpoints`);
  await expect(page.getByRole("heading", { name: "No endpoints yet" })).toBeVisible();
  const response = await page.goto(endpointPage(tenantId, endpointId));
  expect(response?.status()).toBe(404);
});

test(
  "should show a viewer the endpoints and their data, but no button that changes anything",
  { tag: "@desktop-only" },
  async ({ page, browser }, testInfo) => {
    const receiver = await startReceiver(200);
    try {
      const { tenantId } = await registerWithTenant(page);
      const eventType = await createCatalogEventType();
      const endpointId = await createEndpointViaApi(tenantId, { url: `${receiver.url}/viewed` });
      await publishViaApi(tenantId, eventType);
      await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);

      const viewer = await joinTenantAs(browser, tenantId, "viewer");
      try {
        await viewer.page.goto(`${baseUrl()}/t/${tenantId}/endpoints`);
        await expect(viewer.page.getByRole("link", { name: `${receiver.url}/viewed` })).toBeVisible();
        await expect(viewer.page.getByRole("link", { name: "Add endpoint" })).toHaveCount(0);

        await viewer.page.getByRole("link", { name: `${receiver.url}/viewed` }).click();
        await expect(attempts(viewer.page).getByRole("listitem").first()).toContainText("200", { timeout: 20_000 });
        await expect(viewer.page.getByRole("figure", { name: /^Attempts/ })).toContainText("1 attempt");
        await expect(
          viewer.page.getByText("Only admins and owners of this tenant can reveal or rotate the signing secret."),
        ).toBeVisible();
        for (const name of ["Edit", "Disable", "Enable", "Delete", "Reveal", "Rotate…", "Send test event", "Recover"]) {
          await expect(
            viewer.page
              .getByRole("button", { name, exact: true })
              .or(viewer.page.getByRole("link", { name, exact: true })),
          ).toHaveCount(0);
        }
        await saveScreenshotFromTop(viewer.page, testInfo, "endpoint-detail-viewer");
        const edit = await viewer.page.goto(`${endpointPage(tenantId, endpointId)}/edit`);
        expect(edit?.status()).toBe(404);
        const create = await viewer.page.goto(`${baseUrl()}/t/${tenantId}/endpoints/new`);
        expect(create?.status()).toBe(404);
      } finally {
        await viewer.context.close();
      }
    } finally {
      await receiver.close();
    }
  },
);

// The tenant overview as its users see it: what to do first on an empty tenant; messages,
// attempts, success rate and latency charts over each range once traffic flows; the live count
// of pending deliveries; failing and disabled endpoints with their reasons. Screenshots at both
// widths, and the page's load time (logged, not asserted).
import { expect, test, type Page } from "@playwright/test";
import {
  api,
  baseUrl,
  chartPaths,
  createCatalogEventType,
  createEndpointViaApi,
  expectNoHorizontalOverflow,
  publishViaApi,
  registerWithTenant,
  saveScreenshotFromTop,
  startReceiver,
  timePageLoad,
} from "./helpers";

/** The number a headline tile shows (its second line). */
const tile = (page: Page, label: string) => page.getByRole("group", { name: label, exact: true }).locator("p").nth(1);

test("should tell a new tenant what to do first, with empty charts that say so", async ({ page }, testInfo) => {
  const { tenantId } = await registerWithTenant(page);
  await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}`);
  await expect(page.getByRole("heading", { name: "Start by adding an endpoint" })).toBeVisible();
  await expect(page.getByRole("figure", { name: /^Messages and attempts/ })).toContainText(
    "No messages or attempts in this range",
  );
  await expect(page.getByRole("figure", { name: /^Latency/ })).toContainText("No attempts in this range");
  await expect(tile(page, "Pending deliveries")).toHaveText("0");
  // Nothing to be healthy yet: the attention card says so instead of "Every endpoint is healthy".
  await expect(page.getByText("No endpoints yet.")).toBeVisible();
  await expect(page.getByText("Every endpoint is healthy")).toHaveCount(0);
  await page.getByRole("link", { name: "Add endpoint" }).click();
  await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}/endpoints/new`);
  await page.goBack();
  await expectNoHorizontalOverflow(page);
  await saveScreenshotFromTop(page, testInfo, "overview-empty");
});

test("should chart messages, attempts, success rate and latency over each range", async ({ page }, testInfo) => {
  const healthy = await startReceiver(200);
  const broken = await startReceiver(400);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType();
    await createEndpointViaApi(tenantId, { url: `${healthy.url}/ok` });
    await createEndpointViaApi(tenantId, { url: `${broken.url}/broken` });
    for (let index = 0; index < 6; index++) await publishViaApi(tenantId, eventType);
    await expect.poll(() => healthy.received.length + broken.received.length, { timeout: 15_000 }).toBe(12);

    await timePageLoad(
      page,
      `${baseUrl()}/t/${tenantId}`,
      (current) => current.getByRole("heading", { name: /Delivery performance/ }),
      `overview (${testInfo.project.name})`,
    );
    const volume = page.getByRole("figure", { name: /^Messages and attempts/ });
    await expect(volume).toContainText("6 messages · 12 attempts", { timeout: 15_000 });
    await expect(tile(page, "Messages")).toHaveText("6");
    await expect(tile(page, "Success rate")).toHaveText("50%");
    await expect.poll(async () => (await chartPaths(volume)).length).toBeGreaterThan(0);
    const rate = page.getByRole("figure", { name: /^Success rate/ });
    await expect(rate).toContainText("50%");
    await expect(rate.locator("svg .recharts-line")).toHaveCount(1);
    const latency = page.getByRole("figure", { name: /^Latency/ });
    await expect(latency.locator("svg .recharts-line")).toHaveCount(3);
    await expect(latency).toContainText(/p50 \d/);

    for (const range of ["Last hour", "Last 7 days", "Last 30 days", "Last 24 hours"]) {
      await page.getByRole("radio", { name: range }).check({ force: true });
      await expect(page.getByRole("heading", { name: /Delivery performance/ })).toContainText(range.toLowerCase());
      await expect(volume).toContainText("6 messages · 12 attempts");
      await expect.poll(async () => (await chartPaths(volume)).length).toBeGreaterThan(0);
    }
    await page.getByRole("radio", { name: "Last hour" }).check({ force: true });
    await expect(volume).toContainText("12 attempts");
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "overview");
  } finally {
    await healthy.close();
    await broken.close();
  }
});

test(
  "should count pending deliveries live as a rate-limited endpoint works through them",
  { tag: "@desktop-only" },
  async ({ page }) => {
    const receiver = await startReceiver(200);
    try {
      const { tenantId } = await registerWithTenant(page);
      const eventType = await createCatalogEventType();
      await createEndpointViaApi(tenantId, { url: `${receiver.url}/slow`, rateLimit: 1 });
      await page.goto(`${baseUrl()}/t/${tenantId}`);
      const pending = tile(page, "Pending deliveries");
      await expect(pending).toHaveText("0");

      await api("POST", `/api/v1/tenants/${tenantId}/messages/batch`, {
        messages: Array.from({ length: 8 }, (_, index) => ({ eventType, payload: { orderId: `ord_${index}` } })),
      });
      // One request a second: the count shows up without a reload, then drains to zero.
      await expect(pending).toHaveText(/^[1-8]$/, { timeout: 10_000 });
      await expect(pending).toHaveText("0", { timeout: 30_000 });
      expect(receiver.received).toHaveLength(8);
    } finally {
      await receiver.close();
    }
  },
);

test("should list failing and disabled endpoints with their reasons", async ({ page }, testInfo) => {
  const failing = await startReceiver(500);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType();
    await createEndpointViaApi(tenantId, { url: `${failing.url}/failing` });
    const paused = await createEndpointViaApi(tenantId, { url: "http://127.0.0.1:9/paused" });
    await api("POST", `/api/v1/tenants/${tenantId}/endpoints/${paused}/disable`, {});
    await publishViaApi(tenantId, eventType);
    await expect.poll(() => failing.received.length, { timeout: 15_000 }).toBeGreaterThan(0);

    await page.goto(`${baseUrl()}/t/${tenantId}`);
    const attention = page.getByRole("list", { name: "Endpoints that need attention" });
    const failingRow = attention.getByRole("listitem").filter({ hasText: `${failing.url}/failing` });
    await expect(failingRow).toContainText("Failing since", { timeout: 15_000 });
    await expect(failingRow).toContainText("500");
    const pausedRow = attention.getByRole("listitem").filter({ hasText: "http://127.0.0.1:9/paused" });
    await expect(pausedRow).toContainText("Disabled · manual");
    await expect(pausedRow).toContainText("Disabled by a member of your team.");
    await pausedRow.getByRole("link").click();
    await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}/endpoints/${paused}`);
    await page.goBack();
    await expect(attention).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "overview-attention");
  } finally {
    await failing.close();
  }
});

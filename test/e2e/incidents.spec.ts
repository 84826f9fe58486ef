// Incidents and the backlog per endpoint as a tenant's users see them: the incidents page (nav
// entry, open / resolved filter, resolving by hand), the overview's "Needs attention", and an
// endpoint's backlog in the endpoints list and as a chart on its page. Screenshots at both widths.
import { expect, test } from "@playwright/test";
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
  startReceiver,
} from "./helpers";

interface IncidentPage {
  data: Array<{ id: string; endpointId: string; cause: string; status: string }>;
}

test("should list incidents, resolve one by hand, and chart an endpoint's backlog", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const failing = await startReceiver(503);
  const refusing = await startReceiver(404);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType();
    // One request a second to a receiver answering 503: messages queue up, and retries with them.
    const slow = await createEndpointViaApi(tenantId, { url: `${failing.url}/slow`, name: "Billing", rateLimit: 1 });
    const gone = await createEndpointViaApi(tenantId, { url: `${refusing.url}/gone`, name: "Legacy CRM" });
    for (let index = 0; index < 20; index++) await publishViaApi(tenantId, eventType);

    const open = async () => (await api<IncidentPage>("GET", `/api/v1/tenants/${tenantId}/incidents?status=open`)).data;
    await expect
      .poll(async () => (await open()).map((row) => row.cause).sort(), { timeout: 30_000 })
      .toEqual(["http_4xx", "http_5xx"]);

    // The overview names them under "Needs attention".
    await page.goto(`${baseUrl()}/t/${tenantId}`);
    const attention = page.getByRole("list", { name: "Endpoints that need attention" });
    await expect(attention).toContainText("HTTP 5xx answers");
    await expect(attention).toContainText("HTTP 4xx answers");

    // The incidents page, from the navigation.
    await (await mainNav(page)).getByRole("link", { name: "Incidents" }).click();
    await expect(page).toHaveURL(`${baseUrl()}/t/${tenantId}/incidents`);
    const openTable = page.getByRole("table", { name: "Open incidents" });
    await expect(openTable).toContainText("HTTP 5xx answers");
    await expect(openTable).toContainText("HTTP 4xx answers");
    await expect(openTable).toContainText(slow);
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "incidents-open");

    // The 404s stopped (no retries for a 4xx): resolve that one by hand; it stays resolved.
    await page.getByRole("button", { name: `Resolve HTTP 4xx answers on ${gone}` }).click();
    await expect(page.getByText("Incident resolved.")).toBeVisible();
    await expect(openTable).not.toContainText("HTTP 4xx answers");
    await page.getByRole("radio", { name: "Resolved" }).check({ force: true });
    const resolvedTable = page.getByRole("table", { name: "Resolved incidents" });
    await expect(resolvedTable).toContainText("HTTP 4xx answers");
    await expect(resolvedTable.getByRole("button", { name: /Resolve/ })).toHaveCount(0);
    await saveScreenshotFromTop(page, testInfo, "incidents-resolved");

    // The backlog: live in the endpoints list, and sampled once a minute for the chart.
    await page.goto(`${baseUrl()}/t/${tenantId}/endpoints`);
    const row = page.getByRole("table", { name: "Endpoints" }).getByRole("row").filter({ hasText: "Billing" });
    await expect(row).toContainText(/\d+ due/);
    await expect(row).toContainText("oldest");
    type Point = { due: number; scheduled: number; sending: number };
    const sampled = async () =>
      (await api<{ series: Point[] }>("GET", `/api/v1/tenants/${tenantId}/endpoints/${slow}/backlog`)).series.some(
        (point) => point.due + point.scheduled + point.sending > 0,
      );
    // The workers sample once a minute: wait for the first sample with something queued.
    await expect.poll(sampled, { timeout: 120_000, intervals: [2_000] }).toBe(true);
    await page.goto(`${baseUrl()}/t/${tenantId}/endpoints/${slow}`);
    const incidents = page.getByRole("table", { name: "Open incidents" });
    await expect(incidents).toContainText("HTTP 5xx answers");
    const backlog = page.getByRole("figure", { name: /^Backlog/ });
    await expect(backlog).toContainText(/\d+ due · \d+ scheduled · \d+ sending/);
    await expect(backlog).not.toContainText("Nothing was queued in this range");
    await expect.poll(async () => (await chartPaths(backlog, 1)).length).toBeGreaterThan(0);
    await backlog.scrollIntoViewIfNeeded();
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "endpoint-backlog");
  } finally {
    await failing.close();
    await refusing.close();
  }
});

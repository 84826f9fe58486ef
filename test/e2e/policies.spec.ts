// Delivery policies in the endpoint form: the retry schedule with its preview (and its errors),
// and the transformation editor with its live preview on the event type's example, an error at
// its line and column, then a real delivery of the transformed body. Screenshots at both widths.
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import {
  api,
  baseUrl,
  createCatalogEventType,
  createEndpointViaApi,
  expectNoHorizontalOverflow,
  publishViaApi,
  registerWithTenant,
  startReceiver,
} from "./helpers";

/** What is on screen now (not the whole, very long form): <artifacts>/screenshots/<name>-<project>.png. */
async function saveView(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(testInfo.project.outputDir, "screenshots", `${name}-${testInfo.project.name}.png`),
  });
}

const editPage = (tenantId: string, endpointId: string) => `${baseUrl()}/t/${tenantId}/endpoints/${endpointId}/edit`;

test("should preview a retry schedule while it is typed, refuse a bad step, and save it", async ({
  page,
}, testInfo) => {
  const { tenantId } = await registerWithTenant(page);
  const eventType = await createCatalogEventType("schedule");
  const endpointId = await createEndpointViaApi(tenantId, {
    url: "https://example.com/hooks",
    eventTypes: [eventType],
  });
  await page.goto(editPage(tenantId, endpointId));

  const field = page.getByLabel("Retry schedule");
  const preview = page.getByTestId("schedule-preview");
  await expect(preview).toHaveText(/^Empty: the event type's schedule, else the instance default\.$/);
  await field.fill("10s, 500ms");
  await expect(page.getByText("Step 2 must be at least 1 s.")).toBeVisible();
  await field.fill("10s, 1m, 10m, 1h");
  await expect(preview).toHaveText("Tries at +10 s, +1 m 10 s, +11 m 10 s, +1 h 11 m; gives up after 1 h 11 m.");
  await expect(page.getByText("A change applies to new messages only", { exact: false })).toBeVisible();
  await field.scrollIntoViewIfNeeded();
  await expectNoHorizontalOverflow(page);
  await saveView(page, testInfo, "policies-schedule-preview");

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/endpoints/${endpointId}$`));
  const saved = await api<{ retrySchedule: string[] | null }>(
    "GET",
    `/api/v1/tenants/${tenantId}/endpoints/${endpointId}`,
  );
  expect(saved.retrySchedule).toEqual(["10s", "1m", "10m", "1h"]);
});

test("should preview a transformation on the example, point at a syntax error, and deliver the transformed body", async ({
  page,
}, testInfo) => {
  const receiver = await startReceiver(200);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType("transform");
    const endpointId = await createEndpointViaApi(tenantId, { url: `${receiver.url}/t`, eventTypes: [eventType] });
    await page.goto(editPage(tenantId, endpointId));

    await page.getByLabel("Transform the body before sending").check();
    const expression = page.getByLabel("JSONata expression");
    await expression.fill('{\n  "order": data.orderId,\n  "cents": data.amount\n  "kind": type\n}');
    const preview = page.getByRole("region", { name: "Transformation preview" });
    await expect(preview.getByRole("alert")).toContainText("line 4, column");
    await expression.scrollIntoViewIfNeeded();
    await saveView(page, testInfo, "policies-transformation-error");

    await expression.fill('{\n  "order": data.orderId,\n  "cents": data.amount,\n  "kind": type\n}');
    const output = preview.getByTestId("transformation-output");
    await expect(output).toContainText('"order": "ord_example"');
    await expect(output).toContainText('"cents": 4200');
    await expect(output).toContainText("body");
    const headerExpressions = page.getByRole("group", { name: "Header expressions (optional)" });
    await headerExpressions.getByRole("button", { name: "Add header expression" }).click();
    await headerExpressions.getByLabel("Header", { exact: true }).fill("X-Order");
    await headerExpressions.getByLabel("Expression", { exact: true }).fill("data.orderId");
    await expect(output).toContainText("X-Order: ord_example");
    await expectNoHorizontalOverflow(page);
    await preview.scrollIntoViewIfNeeded();
    await saveView(page, testInfo, "policies-transformation-preview");

    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/endpoints/${endpointId}$`));
    await publishViaApi(tenantId, eventType, { orderId: "ord_42", amount: 990 });
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const [request] = receiver.received;
    expect(JSON.parse(request!.body)).toEqual({ order: "ord_42", cents: 990, kind: eventType });
    expect(request!.headers["x-order"]).toBe("ord_42");
  } finally {
    await receiver.close();
  }
});

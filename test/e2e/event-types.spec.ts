// The event-type catalog as a tenant user reads it: every type with its description, fields,
// JSON Schema and example; archived ones marked; search as you type (kept in the URL); and the
// way from a type to its messages.
import { expect, test } from "@playwright/test";
import {
  api,
  baseUrl,
  expectNoHorizontalOverflow,
  registerWithTenant,
  saveScreenshotFromTop,
  timePageLoad,
  unique,
} from "./helpers";

test("should list the catalog with schemas and examples, mark archived types and search them", async ({
  page,
}, testInfo) => {
  const family = unique("shop");
  const created = `${family}.order.created`;
  const shipped = `${family}.order.shipped`;
  const retired = `${family}.order.legacy`;
  await api("POST", "/api/v1/event-types", {
    name: created,
    description: "A customer placed an order.",
    schema: {
      type: "object",
      properties: {
        orderId: { type: "string", description: "The order's id." },
        total: { type: "integer", description: "In cents." },
        currency: { type: "string", enum: ["EUR", "USD"] },
      },
      required: ["orderId", "total"],
    },
    example: { orderId: "ord_123", total: 4200, currency: "EUR" },
  });
  await api("POST", "/api/v1/event-types", {
    name: shipped,
    description: "The order left the warehouse.",
    schema: { type: "object", properties: { trackingCode: { type: "string" } } },
    example: { trackingCode: "1Z999" },
  });
  await api("POST", "/api/v1/event-types", { name: retired, description: "Replaced by order.created." });
  await api("POST", `/api/v1/event-types/${retired}/archive`);

  const { tenantId } = await registerWithTenant(page);
  await timePageLoad(
    page,
    `${baseUrl()}/t/${tenantId}/event-types`,
    (loaded) => loaded.getByRole("heading", { level: 1, name: "Event types" }),
    `event types (${testInfo.project.name})`,
  );
  const list = page.getByRole("list", { name: "Event types" });
  await expect(list.getByRole("heading", { name: created })).toBeVisible();

  // Search narrows as you type, over names, descriptions and field names; the URL keeps it.
  const search = page.getByLabel("Search event types");
  await search.fill(family);
  await expect(list.locator(":scope > li")).toHaveCount(3);
  await expect(page.getByText(/^3 of \d+ event types match$/)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`q=${family}`));
  // Archived types are marked and listed last.
  const legacy = list.locator(":scope > li").last();
  await expect(legacy).toContainText(retired);
  await expect(legacy).toContainText("archived");
  await expect(list.locator(":scope > li").filter({ hasText: created })).not.toContainText("archived");

  await search.fill(`${family} warehouse`);
  await expect(list.locator(":scope > li")).toHaveCount(1);
  await expect(list).toContainText(shipped);
  await search.fill("trackingCode");
  await expect(list.locator(":scope > li").filter({ hasText: shipped })).toHaveCount(1);
  await search.fill(`${family}-nothing-like-this`);
  await expect(page.getByRole("heading", { name: /No event type matches/ })).toBeVisible();

  // An exact name opens the type: its fields, schema and example.
  await search.fill(created);
  const fields = page.getByRole("table", { name: `Fields of ${created}` });
  await expect(fields).toBeVisible();
  await expect(fields.getByRole("row").filter({ hasText: "orderId" })).toContainText("required");
  await expect(fields.getByRole("row").filter({ hasText: "currency" })).toContainText('"EUR", "USD"');
  await expect(page.getByLabel(`Schema of ${created}`, { exact: true })).toContainText('"required"');
  await expect(page.getByLabel(`Example of ${created}`, { exact: true })).toContainText('"orderId": "ord_123"');
  await page.reload();
  await expect(page.getByLabel("Search event types")).toHaveValue(created);
  await expect(page.getByLabel(`Example of ${created}`, { exact: true })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await saveScreenshotFromTop(page, testInfo, "event-types");

  // From a type to its messages: the log opens filtered by it.
  await page.getByRole("link", { name: `See messages of ${created}` }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${tenantId}/messages\\?eventType=${created.replaceAll(".", "\\.")}`));
  await expect(page.getByLabel("Event type")).toHaveValue(created);
});

test("should show a tenant user the catalog without any editing controls", async ({ page }) => {
  const name = `${unique("readonly")}.happened`;
  await api("POST", "/api/v1/event-types", { name, description: "Something happened." });
  const { tenantId } = await registerWithTenant(page);
  await page.goto(`${baseUrl()}/t/${tenantId}/event-types?q=${name}`);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("No schema: any JSON object is accepted.")).toBeVisible();
  await expect(page.getByRole("button", { name: /edit|archive|create|new|delete/i })).toHaveCount(0);
});

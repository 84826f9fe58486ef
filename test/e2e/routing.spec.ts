// Routing in the dashboard: the endpoint form's payload filter with its test panel (the event
// type's example and the latest messages marked match / no match before saving), the message
// that names the endpoints its filter skipped, the log's tag filter, and a FIFO endpoint's
// blocked keys. Screenshots at both widths.
import { expect, test } from "@playwright/test";
import {
  baseUrl,
  createCatalogEventType,
  expectNoHorizontalOverflow,
  platformClient,
  registerWithTenant,
  saveScreenshot,
  saveScreenshotFromTop,
  startReceiver,
} from "./helpers";

test("should test a payload filter against the example and the latest messages before saving it", async ({
  page,
}, testInfo) => {
  const receiver = await startReceiver(200);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType("filtered"); // its example has amount 4200
    const client = platformClient();
    const published: Record<string, string> = {};
    for (const [orderId, amount, tags] of [
      ["ord_small", 50, []],
      ["ord_mid", 150, ["vip"]],
      ["ord_big", 300, []],
    ] as const)
      published[orderId] = (
        await client.messages.publish(tenantId, { eventType, payload: { orderId, amount }, tags: [...tags] })
      ).id;

    await page.goto(`${baseUrl()}/t/${tenantId}/endpoints/new`);
    await page.getByLabel("Endpoint URL").fill(`${receiver.url}/filtered`);
    await page.getByLabel("Only the types I choose").check();
    await page.getByRole("list", { name: "Event types in the catalog" }).getByLabel(eventType).check();

    // A filter that is not one is refused beside the field, with the path of the problem.
    const filter = page.getByLabel("Payload filter (optional)");
    await filter.fill('{ "amount": { "$regex": "1" } }');
    await expect(filter).toHaveAccessibleDescription(/amount\.\$regex: unknown operator/);
    await expect(page.getByRole("button", { name: "Test filter" })).toBeDisabled();

    await filter.fill('{ "amount": { "$gte": 100 } }');
    await page.getByRole("button", { name: "Test filter" }).click();
    const panel = page.getByRole("region", { name: "Filter test" });
    await expect(panel).toContainText("2 of the last 3 messages match");
    const results = panel.getByTestId("filter-test-results").getByRole("listitem");
    await expect(results).toHaveCount(4); // the example, then the 3 messages, newest first
    await expect(results.nth(0)).toContainText(`Example of ${eventType}`);
    for (const [index, matches] of [true, true, true, false].entries()) {
      await expect(results.nth(index)).toContainText("match");
      if (matches) await expect(results.nth(index)).not.toContainText("no match");
      else await expect(results.nth(index)).toContainText("no match");
    }
    await results.nth(3).getByText(eventType).click(); // its payload, to see why
    await expect(results.nth(3)).toContainText('"amount": 50');
    await expectNoHorizontalOverflow(page);
    await panel.scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, "routing-filter-test");

    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(page).toHaveURL(new RegExp(`/t/${tenantId}/endpoints/ep_[0-9A-Z]{26}`));
    const settings = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Settings", exact: true }) });
    await expect(settings).toContainText('{"amount":{"$gte":100}}');

    // A message the filter leaves out says so, and names the endpoint.
    const skipped = await client.messages.publish(tenantId, { eventType, payload: { orderId: "ord_tiny", amount: 1 } });
    await page.goto(`${baseUrl()}/t/${tenantId}/messages/${skipped.id}`);
    const section = page.getByRole("region", { name: "Skipped by their filter" });
    await expect(section).toContainText(`${receiver.url.replace("http://", "")}/filtered`);
    await expect(
      page.getByText("The payload filter of every endpoint that takes this type left this message out"),
    ).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "routing-skipped-by-filter");

    // The log by tag: only the tagged message.
    await page.goto(`${baseUrl()}/t/${tenantId}/messages`);
    await page.getByLabel("Tag").fill("vip");
    await page.getByLabel("Tag").press("Enter");
    await expect(page).toHaveURL(/tag=vip/);
    const rows = page.getByRole("list", { name: "Messages" }).getByRole("listitem");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(published.ord_mid!);
  } finally {
    await receiver.close();
  }
});

test("should show a FIFO endpoint's blocked key with its head message and last attempt", async ({ page }, testInfo) => {
  const receiver = await startReceiver(503);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType("ordered");
    const client = platformClient();
    const endpoint = await client.endpoints.create(tenantId, {
      url: `${receiver.url}/fifo`,
      eventTypes: [eventType],
      ordering: "fifo",
    });
    const head = await client.messages.publish(tenantId, {
      eventType,
      payload: { orderId: "ord_1" },
      orderingKey: "customer-42",
    });
    for (const orderId of ["ord_2", "ord_3", "ord_4", "ord_5"])
      await client.messages.publish(tenantId, { eventType, payload: { orderId }, orderingKey: "customer-42" });

    await page.goto(`${baseUrl()}/t/${tenantId}/endpoints/${endpoint.id}`);
    const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Blocked keys" }) });
    const key = card.getByRole("list", { name: "Blocked keys" }).getByRole("listitem").first();
    await expect(key).toContainText("customer-42", { timeout: 30_000 });
    await expect(key).toContainText(/\d waiting/);
    await expect(key).toContainText("HTTP 503");
    await expect(key.getByRole("link", { name: eventType })).toHaveAttribute(
      "href",
      new RegExp(`/messages/${head.id}$`),
    );
    await expectNoHorizontalOverflow(page);
    await card.scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, "routing-blocked-keys");
  } finally {
    await receiver.close();
  }
});

// The delivery log and a message's detail, as a tenant user works with them: messages published
// through the API appear without a reload, each endpoint's delivery shows with every attempt,
// a failed delivery is resent by hand; filters, search by id and "Load more"; what a viewer and
// a stranger see. Screenshots at both widths, and each page's load time (logged, not asserted).
import { expect, test, type Page } from "@playwright/test";
import {
  api,
  baseUrl,
  createCatalogEventType as createEventType,
  createEndpointViaApi,
  expectNoHorizontalOverflow,
  joinTenantAs,
  mainNav,
  publishViaApi as publish,
  registerWithTenant,
  saveScreenshotFromTop,
  startReceiver,
  timePageLoad,
} from "./helpers";

type Message = { id: string; deliveries: Array<{ status: string }> };

/** Waits until no delivery of the message is pending or sending. */
async function settled(tenantId: string, messageId: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (await api<Message>("GET", `/api/v1/tenants/${tenantId}/messages/${messageId}`)).deliveries
          .map((delivery) => delivery.status)
          .filter((status) => status === "pending" || status === "sending").length,
      { timeout: 20_000 },
    )
    .toBe(0);
}

const log = (page: Page) => page.getByRole("list", { name: "Messages" });
const rowOf = (page: Page, messageId: string) => log(page).locator(":scope > li").filter({ hasText: messageId });
const attemptsOf = (page: Page) => page.getByRole("list", { name: "Attempts" });

test("should show a published message live, its attempts, and resend a failed delivery", async ({ page }, testInfo) => {
  const receiver = await startReceiver(200);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createEventType();
    await createEndpointViaApi(tenantId, { url: `${receiver.url}/hook` });

    await (await mainNav(page)).getByRole("link", { name: "Messages" }).click();
    await expect(page).toHaveURL(new RegExp(`/t/${tenantId}/messages$`));
    await expect(page.getByRole("heading", { name: "No messages yet" })).toBeVisible();
    // The empty state's command is ready to paste: this instance, this tenant, a type of the catalog.
    const command = page.getByLabel("Publish command");
    await expect(command).toContainText(`/api/v1/tenants/${tenantId}/messages`);
    await expect(command).toContainText('"eventType":"');
    await expect(command).toContainText("Authorization: Bearer $HOOKLINE_API_KEY");
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "messages-empty");

    // Published through the API: it appears in the open log, no reload, and its delivery succeeds.
    const first = await publish(tenantId, eventType, { orderId: "ord_first", amount: 100 });
    await expect(rowOf(page, first)).toBeVisible({ timeout: 15_000 });
    await expect(rowOf(page, first).getByText("succeeded")).toBeVisible({ timeout: 15_000 });
    await expect(rowOf(page, first)).toContainText(eventType);

    await rowOf(page, first).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/messages/${first}$`));
    await expect(page.getByRole("heading", { level: 1, name: eventType })).toBeVisible();
    await expect(page.getByLabel("Payload", { exact: true })).toContainText('"orderId": "ord_first"');
    const firstAttempt = attemptsOf(page).getByRole("listitem").filter({ hasText: "Attempt 1" });
    await expect(firstAttempt).toContainText("200 OK");
    await expect(firstAttempt).toContainText("scheduled");

    // The receiver starts refusing: the next message fails (a 400 is not retried).
    receiver.setStatus(400);
    const second = await publish(tenantId, eventType, { orderId: "ord_second", amount: 200 });
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Messages" }).click();
    await expect(rowOf(page, second).getByText("failed")).toBeVisible({ timeout: 15_000 });
    await expect(rowOf(page, second)).toContainText("400");
    await expect(rowOf(page, first).getByText("succeeded")).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "messages-log");

    await rowOf(page, second).getByRole("link").click();
    await expect(attemptsOf(page).getByRole("listitem").filter({ hasText: "Attempt 1" })).toContainText(
      "400 Bad Request",
    );
    await expect(page.getByText("1 endpoint: 1 failed")).toBeVisible();

    // Fixed on the receiver's side: "Resend" makes a manual attempt that succeeds.
    receiver.setStatus(200);
    await page.getByRole("button", { name: `Resend to ${new URL(receiver.url).host}/hook` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Resent to" })).toContainText("200 OK");
    const resent = attemptsOf(page).getByRole("listitem").filter({ hasText: "Attempt 2" });
    await expect(resent).toContainText("manual");
    await expect(resent).toContainText("200 OK");
    await expect(page.getByText("1 endpoint: 1 succeeded")).toBeVisible();

    // The request as sent, with its secrets masked: the real signature never reaches the page.
    await resent.getByText("Request and response").click();
    const requestHeaders = page.getByLabel("Request headers of attempt 2");
    await expect(requestHeaders).toContainText(second);
    await expect(requestHeaders).toContainText("••••••");
    const signature = String(receiver.received.at(-1)!.headers["webhook-signature"]);
    expect(signature).toMatch(/^v1,.{20,}/);
    await expect(page.getByText(signature.slice(0, 30))).toHaveCount(0);
    await expectNoHorizontalOverflow(page);
    await expect(page.getByRole("status").filter({ hasText: "Resent to" })).toBeHidden({ timeout: 10_000 });
    await saveScreenshotFromTop(page, testInfo, "message-detail");

    // "Resend to all" goes to every endpoint and says how it went.
    await page.getByRole("button", { name: "Resend to all" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Resent" }).last()).toContainText("200 OK");
    await expect(attemptsOf(page).getByRole("listitem").filter({ hasText: "Attempt 3" })).toContainText("manual");

    await timePageLoad(
      page,
      `${baseUrl()}/t/${tenantId}/messages`,
      (loaded) => rowOf(loaded, first),
      `messages (${testInfo.project.name})`,
    );
    await timePageLoad(
      page,
      `${baseUrl()}/t/${tenantId}/messages/${second}`,
      (loaded) => attemptsOf(loaded).first(),
      `message detail (${testInfo.project.name})`,
    );
  } finally {
    await receiver.close();
  }
});

test(
  "should filter the log, keep the filters in the URL and find a message by id",
  { tag: "@desktop-only" },
  async ({ page }) => {
    const ok = await startReceiver(200);
    const refusing = await startReceiver(400);
    try {
      const { tenantId } = await registerWithTenant(page);
      const paid = await createEventType("invoice");
      const refunded = await createEventType("refund");
      await createEndpointViaApi(tenantId, { url: `${ok.url}/all` });
      const refundsOnly = await createEndpointViaApi(tenantId, {
        url: `${refusing.url}/refunds`,
        eventTypes: [refunded],
      });
      const paidMessage = await publish(tenantId, paid);
      const refundMessage = await publish(tenantId, refunded);
      await settled(tenantId, paidMessage);
      await settled(tenantId, refundMessage);

      await page.goto(`${baseUrl()}/t/${tenantId}/messages`);
      await expect(rowOf(page, paidMessage)).toBeVisible();
      await expect(rowOf(page, refundMessage)).toBeVisible();
      // One badge per endpoint: the refund went to both, one of which refused it.
      await expect(
        rowOf(page, refundMessage).getByRole("list", { name: "Deliveries" }).getByRole("listitem"),
      ).toHaveCount(2);
      await expect(
        rowOf(page, paidMessage).getByRole("list", { name: "Deliveries" }).getByRole("listitem"),
      ).toHaveCount(1);

      await page.getByLabel("Event type").selectOption(paid);
      await expect(rowOf(page, refundMessage)).toHaveCount(0);
      await expect(rowOf(page, paidMessage)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`eventType=${paid.replace(".", "\\.")}`));
      await page.reload();
      await expect(page.getByLabel("Event type")).toHaveValue(paid);
      await expect(rowOf(page, paidMessage)).toBeVisible();
      await expect(rowOf(page, refundMessage)).toHaveCount(0);

      await page.getByRole("button", { name: "Clear filters" }).first().click();
      await page.getByLabel("Status").selectOption("failed");
      await expect(rowOf(page, paidMessage)).toHaveCount(0);
      await expect(rowOf(page, refundMessage)).toBeVisible();

      await page.getByLabel("Status").selectOption("");
      await page.getByLabel("Endpoint").selectOption(refundsOnly);
      await expect(rowOf(page, paidMessage)).toHaveCount(0);
      await expect(rowOf(page, refundMessage)).toBeVisible();

      await page.getByLabel("Endpoint").selectOption("");
      await page.getByLabel("Time range").selectOption("1h");
      await expect(rowOf(page, paidMessage)).toBeVisible();
      await expect(rowOf(page, refundMessage)).toBeVisible();
      await page.getByLabel("Time range").selectOption("custom");
      await page.getByLabel("From", { exact: true }).fill("2020-01-01T00:00");
      await page.getByLabel("To", { exact: true }).fill("2020-01-02T00:00");
      await expect(page.getByRole("heading", { name: "No messages match these filters" })).toBeVisible();
      await page.getByRole("button", { name: "Clear filters" }).last().click();
      await expect(rowOf(page, paidMessage)).toBeVisible();

      // Search by id: a malformed id, an unknown one, then a real one (which opens it).
      const search = page.getByRole("search").getByLabel("Message id");
      await search.fill("hello");
      await page.getByRole("button", { name: "Find" }).click();
      await expect(page.getByText("Message ids look like msg_")).toBeVisible();
      const unknown = `msg_${"0".repeat(26)}`;
      await search.fill(unknown);
      await page.getByRole("button", { name: "Find" }).click();
      await expect(page.getByText(`No message ${unknown} in this tenant.`)).toBeVisible();
      await search.fill(refundMessage.toLowerCase());
      await page.getByRole("button", { name: "Find" }).click();
      await expect(page).toHaveURL(new RegExp(`/messages/${refundMessage}$`));
      await expect(page.getByRole("heading", { level: 1, name: refunded })).toBeVisible();
    } finally {
      await ok.close();
      await refusing.close();
    }
  },
);

test(
  "should load older messages with Load more and keep them while new ones arrive",
  { tag: "@desktop-only" },
  async ({ page }) => {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createEventType("bulk");
    const published = await api<{ data: Array<{ id: string }> }>("POST", `/api/v1/tenants/${tenantId}/messages/batch`, {
      messages: Array.from({ length: 60 }, (_, index) => ({ eventType, payload: { orderId: `ord_${index}` } })),
    });
    const ids = published.data.map((message) => message.id).sort();

    await page.goto(`${baseUrl()}/t/${tenantId}/messages`);
    const rows = log(page).locator(":scope > li");
    await expect(rows).toHaveCount(50);
    await expect(rowOf(page, ids[0]!)).toHaveCount(0); // the oldest is on the next page
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(rows).toHaveCount(60);
    await expect(rowOf(page, ids[0]!)).toBeVisible();
    await expect(page.getByText("That is every message.")).toBeVisible();

    // A new message goes on top; the older pages the user loaded stay.
    const newest = await publish(tenantId, eventType);
    await expect(rows.first()).toContainText(newest, { timeout: 15_000 });
    await expect(rows).toHaveCount(61);
    await expect(rowOf(page, ids[0]!)).toBeVisible();
  },
);

test(
  "should show another tenant's message as not found",
  { tag: "@desktop-only" },
  async ({ page, browser }, testInfo) => {
    const owner = await registerWithTenant(page);
    const eventType = await createEventType("secret");
    const messageId = await publish(owner.tenantId, eventType);

    const strangerContext = await browser.newContext();
    const stranger = await strangerContext.newPage();
    const own = await registerWithTenant(stranger);
    for (const url of [
      `/t/${owner.tenantId}/messages/${messageId}`,
      `/t/${own.tenantId}/messages/${messageId}`,
      `/t/${own.tenantId}/messages/msg_nope`,
    ]) {
      const response = await stranger.goto(`${baseUrl()}${url}`);
      expect(response?.status(), url).toBe(404);
      await expect(stranger.getByRole("heading", { name: "Message not found" })).toBeVisible();
      await expect(stranger.getByText(eventType)).toHaveCount(0);
    }
    await saveScreenshotFromTop(stranger, testInfo, "message-not-found");
    await strangerContext.close();
  },
);

test(
  "should show a viewer the log and the attempts but no Resend buttons",
  { tag: "@desktop-only" },
  async ({ page, browser }) => {
    const receiver = await startReceiver(200);
    try {
      const { tenantId } = await registerWithTenant(page);
      const eventType = await createEventType("viewed");
      await createEndpointViaApi(tenantId, { url: `${receiver.url}/hook` });
      const messageId = await publish(tenantId, eventType);
      await settled(tenantId, messageId);

      const viewer = await joinTenantAs(browser, tenantId, "viewer");
      await viewer.page.goto(`${baseUrl()}/t/${tenantId}/messages`);
      await rowOf(viewer.page, messageId).getByRole("link").click();
      await expect(attemptsOf(viewer.page).getByRole("listitem").filter({ hasText: "Attempt 1" })).toContainText(
        "200 OK",
      );
      await expect(viewer.page.getByRole("button", { name: /Resend/ })).toHaveCount(0);
      await viewer.context.close();

      // The owner, on the same page, has them.
      await page.goto(`${baseUrl()}/t/${tenantId}/messages/${messageId}`);
      await expect(page.getByRole("button", { name: "Resend to all" })).toBeVisible();
    } finally {
      await receiver.close();
    }
  },
);

// Polling endpoints in the dashboard: created through the form (no URL), the token shown once on
// the endpoint's page, a published message fetched from the poll URL with signature headers that
// verify, and a rotation in the page after which the old token is refused and the new one works.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import {
  api,
  baseUrl,
  createCatalogEventType,
  expectNoHorizontalOverflow,
  publishViaApi,
  registerWithTenant,
  saveScreenshotFromTop,
  unique,
} from "./helpers";

interface PollAnswer {
  data: Array<{ id: string; headers: Record<string, string>; body: string }>;
  cursor: string | null;
}

async function poll(token: string): Promise<{ status: number; answer: PollAnswer | null }> {
  const response = await fetch(`${baseUrl()}/api/v1/poll/${encodeURIComponent(token)}?wait=10`);
  return { status: response.status, answer: response.ok ? ((await response.json()) as PollAnswer) : null };
}

test("should create a polling endpoint in the form, show its token once, serve signed messages, and rotate the token", async ({
  page,
}, testInfo) => {
  const { tenantId } = await registerWithTenant(page);
  const eventType = await createCatalogEventType("pollui");
  const name = unique("Laptop");

  await page.goto(`${baseUrl()}/t/${tenantId}/endpoints/new`);
  await expect(page.getByLabel("Endpoint URL")).toBeVisible();
  await page.getByLabel("Polling (the receiver fetches)").check();
  // What only a push uses is gone: the URL, the rate and timeout, receiver authentication.
  await expect(page.getByLabel("Endpoint URL")).toBeHidden();
  await expect(page.getByLabel("Rate limit (requests/s)")).toBeHidden();
  await expect(page.getByLabel("Timeout (seconds)")).toBeHidden();
  await expect(page.getByLabel("Authentication")).toBeHidden();
  await page.getByLabel("Name (optional)").fill(name);
  await expectNoHorizontalOverflow(page);
  await page.getByRole("button", { name: "Create endpoint" }).click();

  await expect(page).toHaveURL(new RegExp(`/t/${tenantId}/endpoints/ep_[0-9A-Z]{26}`));
  const endpointId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const tokenBlock = page.getByLabel("Polling token", { exact: true });
  await expect(tokenBlock).toHaveText(/^hlpoll_\S+$/);
  const token = (await tokenBlock.textContent())!.trim();
  expect(page.url()).not.toContain(token);
  await expect(page.getByLabel("Poll URL")).toHaveText(`${baseUrl()}/api/v1/poll/${token}`);
  await expect(page.getByLabel("Listen command")).toHaveText(
    `npx hookline listen --url ${baseUrl()} --token ${token} --forward http://localhost:4000/webhooks`,
  );
  // Test events refuse polling endpoints: the card is not offered.
  await expect(page.getByRole("heading", { name: "Send test event" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Signing secret" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.getByRole("heading", { name: "Polling", exact: true }).scrollIntoViewIfNeeded();
  await saveScreenshotFromTop(page, testInfo, "polling-endpoint");
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Polling", exact: true }) });
  await card.screenshot({
    path: path.join(testInfo.project.outputDir, "screenshots", `polling-card-${testInfo.project.name}.png`),
  });

  // A published message waits for the receiver, signed with the endpoint's secret.
  const { secret } = await api<{ secret: string }>("GET", `/api/v1/tenants/${tenantId}/endpoints/${endpointId}/secret`);
  const orderId = unique("ord");
  const messageId = await publishViaApi(tenantId, eventType, { orderId });
  const first = await poll(token);
  expect(first.status).toBe(200);
  expect(first.answer!.data.map((item) => item.id)).toEqual([messageId]);
  const [item] = first.answer!.data;
  expect(new Webhook(secret).verify(item!.body, item!.headers)).toMatchObject({
    type: eventType,
    data: { orderId },
  });

  // Rotated in the page: the new token shows once, the old one is refused at once.
  await page.getByRole("button", { name: "Rotate token…" }).click();
  const dialog = page.getByRole("dialog", { name: "Rotate the polling token?" });
  await dialog.getByRole("button", { name: "Rotate token", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(tokenBlock).toHaveText(/^hlpoll_\S+$/);
  const rotated = (await tokenBlock.textContent())!.trim();
  expect(rotated).not.toBe(token);
  await expect(page.getByLabel("Poll URL")).toHaveText(`${baseUrl()}/api/v1/poll/${rotated}`);
  expect((await poll(token)).status).toBe(401);
  // Nothing was acknowledged (no cursor passed back): the new token is handed the same message.
  const again = await poll(rotated);
  expect(again.status).toBe(200);
  expect(again.answer!.data.map((entry) => entry.id)).toEqual([messageId]);

  // A reload shows the token masked: it is kept hashed, and nowhere in the page's address or storage.
  await page.reload();
  await expect(page.getByLabel("Poll URL")).toContainText("/api/v1/poll/hlpoll_•");
  await expect(tokenBlock).toBeHidden();
  expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain("hlpoll_");

  // The list says "Polling" where a URL would be.
  await page.goto(`${baseUrl()}/t/${tenantId}/endpoints`);
  await expect(page.getByRole("link", { name: `${name} (Polling)` })).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

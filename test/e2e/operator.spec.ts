import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  api,
  baseUrl,
  expectNoHorizontalOverflow,
  mainNav,
  registerWithTenant,
  saveScreenshotFromTop,
  signInAsOperator,
  startReceiver,
  timePageLoad,
  unique,
} from "./helpers";

const OPERATOR_PAGES = ["/operator/tenants", "/operator/catalog", "/operator/system"];

/** The error shown under a form field (components/ui/field.tsx gives it the field's id + "-error"). */
async function errorOf(page: Page, field: Locator): Promise<Locator> {
  return page.locator(`[id="${await field.getAttribute("id")}-error"]`);
}

test("should let the operator create a tenant and see every tenant's usage", async ({ page }, testInfo) => {
  const busy = await api<{ id: string }>("POST", "/api/v1/tenants", { name: unique("Usage") });
  await api("POST", `/api/v1/tenants/${busy.id}/endpoints`, { url: "http://127.0.0.1:9/usage" });
  await api("POST", `/api/v1/tenants/${busy.id}/invites`, { email: `${unique("x")}@example.test` });

  await signInAsOperator(page);
  await (await mainNav(page)).getByRole("link", { name: "Tenants" }).click();
  await expect(page.getByRole("heading", { name: "Tenants", level: 1 })).toBeVisible();
  await timePageLoad(
    page,
    `${baseUrl()}/operator/tenants`,
    (p) => p.getByRole("table", { name: "Tenants" }),
    `operator tenants (${testInfo.project.name})`,
  );

  const usage = page.getByRole("table", { name: "Tenants" }).getByRole("row").filter({ hasText: busy.id });
  await expect(usage.getByRole("cell").nth(1)).toHaveText("1"); // endpoints
  await expect(usage.getByRole("cell").nth(3)).toHaveText("0"); // members (the invite is not accepted)

  const name = unique("Operator-made");
  await page.getByLabel("Tenant name").fill(name);
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Tenant “${name}” created.` })).toBeVisible();
  await expect(page.getByRole("table", { name: "Tenants" }).getByRole("link", { name })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await saveScreenshotFromTop(page, testInfo, "operator-tenants");
});

test("should create an event type, show schema errors next to the field, then archive and unarchive it", async ({
  page,
}, testInfo) => {
  await signInAsOperator(page);
  await timePageLoad(
    page,
    `${baseUrl()}/operator/catalog`,
    (p) => p.getByRole("heading", { name: "Event-type catalog" }),
    `operator catalog (${testInfo.project.name})`,
  );
  await saveScreenshotFromTop(page, testInfo, "operator-catalog");
  await page.getByRole("button", { name: "New event type" }).first().click();

  const name = `${unique("order")}.shipped`;
  const schemaField = page.getByLabel("JSON Schema");
  const exampleField = page.getByLabel("Example payload");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description", { exact: true }).fill("An order left the warehouse.");

  // Not JSON at all: caught before anything is sent.
  await schemaField.fill("{ type: object");
  await page.getByRole("button", { name: "Create event type" }).click();
  await expect(schemaField).toHaveAttribute("aria-invalid", "true");
  await expect(await errorOf(page, schemaField)).toContainText("Not valid JSON");

  // JSON, but not a JSON Schema: the API says why, next to the field.
  await schemaField.fill('{ "type": "objekt" }');
  await page.getByRole("button", { name: "Create event type" }).click();
  await expect(await errorOf(page, schemaField)).toContainText("not a valid JSON Schema");
  await expect(schemaField).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "not a valid JSON Schema" })).toBeVisible(); // the toast
  await saveScreenshotFromTop(page, testInfo, "operator-catalog-schema-error");

  // A valid schema with an example that does not match it: the error moves to the example.
  await schemaField.fill(
    JSON.stringify(
      {
        type: "object",
        required: ["order_id"],
        properties: { order_id: { type: "string" }, items: { type: "integer", minimum: 1 } },
      },
      null,
      2,
    ),
  );
  await exampleField.fill('{ "order_id": "o_1", "items": 0 }');
  await page.getByRole("button", { name: "Create event type" }).click();
  await expect(await errorOf(page, exampleField)).toContainText("items");
  await expect(schemaField).not.toHaveAttribute("aria-invalid", "true");

  await exampleField.fill('{ "order_id": "o_1", "items": 3 }');
  await page.getByRole("button", { name: "Create event type" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Event type ${name} created.` })).toBeVisible();
  const row = page.getByRole("table", { name: "Event types" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("active");
  expect((await api<{ example: unknown }>("GET", `/api/v1/event-types/${name}`)).example).toEqual({
    order_id: "o_1",
    items: 3,
  });

  // Archive (after confirming): publishing it is refused from then on.
  await row.getByRole("button", { name: `Archive ${name}` }).click();
  await page
    .getByRole("dialog", { name: `Archive ${name}?` })
    .getByRole("button", { name: "Archive" })
    .click();
  await expect(row).toContainText("archived");
  expect((await api<{ archived: boolean }>("GET", `/api/v1/event-types/${name}`)).archived).toBe(true);
  await row.getByRole("button", { name: `Unarchive ${name}` }).click();
  await expect(row).toContainText("active");

  // Edit: the name is fixed, the description changes.
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  await expect(page.getByLabel("Name", { exact: true })).toBeDisabled();
  await page.getByLabel("Description", { exact: true }).fill("An order was handed to the carrier.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Event type ${name} saved.` })).toBeVisible();
  await expect(row).toContainText("handed to the carrier");
  await expectNoHorizontalOverflow(page);
});

test("should show queue counts, the attempt rate and the live worker on the system page", async ({
  page,
}, testInfo) => {
  // Something to count: a tenant whose receiver fails, so its deliveries wait for retries.
  const receiver = await startReceiver(503);
  const tenant = await api<{ id: string }>("POST", "/api/v1/tenants", { name: unique("System") });
  const eventType = unique("system.event");
  await api("POST", "/api/v1/event-types", { name: eventType });
  await api("POST", `/api/v1/tenants/${tenant.id}/endpoints`, { url: `${receiver.url}/hook` });
  await api("POST", `/api/v1/tenants/${tenant.id}/messages`, { eventType, payload: { n: 1 } });
  await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);

  await signInAsOperator(page);
  await timePageLoad(
    page,
    `${baseUrl()}/operator/system`,
    (p) => p.getByRole("heading", { name: "Queue" }),
    `operator system (${testInfo.project.name})`,
  );
  const queue = page.getByRole("region", { name: "Queue" });
  for (const label of ["Due now", "Scheduled retries", "Sending", "Oldest due"])
    await expect(queue.getByText(label, { exact: true })).toBeVisible();
  const workers = page.getByRole("table", { name: "Workers" });
  await expect(workers.getByRole("row").filter({ hasText: "live" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Workers" })).toBeVisible();
  await expect(
    page
      .getByRole("img", { name: /Attempts per minute/ })
      .locator("svg")
      .first(),
  ).toBeVisible();
  // The failing receiver shows up among the failing endpoints within a refresh or two.
  await expect(page.getByRole("table", { name: "Failing endpoints" }).getByText(`${receiver.url}/hook`)).toBeVisible({
    timeout: 15_000,
  });
  await expectNoHorizontalOverflow(page);
  await saveScreenshotFromTop(page, testInfo, "operator-system");
  await receiver.close();
});

test("should show the processes npm start supervises, and a worker's restart after kill -9", async ({
  page,
}, testInfo) => {
  await signInAsOperator(page);
  await page.goto(`${baseUrl()}/operator/system`);
  const processes = page.getByRole("table", { name: "Processes" });
  for (const name of ["database", "web", "worker"])
    await expect(processes.getByRole("row").filter({ hasText: new RegExp(`^${name} pid \\d+`) })).toContainText(
      "running",
    );
  const worker = processes.getByRole("row").filter({ hasText: /^worker pid \d+/ });
  const pid = Number(/^worker pid (\d+)/.exec((await worker.getByRole("cell").first().textContent())!)![1]);
  const restarts = Number(await worker.getByRole("cell").nth(2).textContent());

  // What the kernel's OOM killer would do; the page shows it within a refresh or two.
  process.kill(pid, "SIGKILL");
  await expect(worker.getByRole("cell").nth(3)).toContainText("signal SIGKILL", { timeout: 20_000 });
  await expect(worker.getByRole("cell").nth(2)).toHaveText(String(restarts + 1));
  await expect(worker.getByRole("cell").nth(1)).toHaveText("running", { timeout: 20_000 });
  await expect(worker.getByRole("cell").first()).not.toContainText(`pid ${pid}`);
  await expectNoHorizontalOverflow(page);
  await saveScreenshotFromTop(page, testInfo, "operator-system-processes");
});

test(
  "should answer 404 to anyone but an operator on the operator pages",
  { tag: "@desktop-only" },
  async ({ page }) => {
    await registerWithTenant(page);
    await expect((await mainNav(page)).getByRole("link", { name: "System" })).toHaveCount(0);
    for (const path of OPERATOR_PAGES) {
      const response = await page.goto(`${baseUrl()}${path}`);
      expect(response?.status(), path).toBe(404);
    }
    const system = await page.request.get(`${baseUrl()}/api/v1/system`);
    expect(system.status()).toBe(403);
  },
);

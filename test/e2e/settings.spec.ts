import { expect, test, type Page } from "@playwright/test";
import {
  baseUrl,
  expectNoHorizontalOverflow,
  registerWithTenant,
  saveScreenshotFromTop,
  timePageLoad,
  unique,
} from "./helpers";

const settingsUrl = (tenantId: string) => `${baseUrl()}/t/${tenantId}/settings`;
const settingsHeading = (page: Page) => page.getByRole("heading", { name: "Settings", level: 1 });

/** What a viewer must never be offered, on any page. */
const MUTATION_BUTTONS = /create|new |save|remove|revoke|delete|disable|enable|rotate|resend|send test|recover|invite/i;

test("should invite a member, who opens the link, registers and sees settings read-only as a viewer", async ({
  page,
  browser,
}, testInfo) => {
  const owner = await registerWithTenant(page);
  await timePageLoad(page, settingsUrl(owner.tenantId), settingsHeading, `settings (owner, ${testInfo.project.name})`);
  await expect(page.getByRole("heading", { name: "Invites", exact: true })).toBeVisible();
  await saveScreenshotFromTop(page, testInfo, "settings-owner");

  // The owner invites by email and role; the link is shown once, with a copy button.
  const email = `${unique("viewer")}@example.test`;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invite" }).click();
  const created = page.getByRole("region", { name: "New invite link" });
  await expect(created).toBeVisible();
  await expect(created.getByRole("button", { name: "Copy", exact: true })).toBeVisible();
  const link = (await created.getByLabel("Invite link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
  await expect(
    page.getByRole("table", { name: "Pending invites" }).getByRole("cell", { name: email, exact: true }),
  ).toBeVisible();
  await saveScreenshotFromTop(page, testInfo, "settings-invite-created");

  // The invitee opens the link in a browser of their own and registers.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
  await expect(invitee.getByRole("heading", { name: /^Join / })).toBeVisible();
  await expect(invitee.getByLabel("Email")).toHaveValue(email);
  await invitee.getByLabel("Name").fill("Vera Viewer");
  await invitee.getByLabel("Password").fill("a-good-password");
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/t/${owner.tenantId}`));

  // As a viewer: everything readable, nothing changeable.
  await timePageLoad(
    invitee,
    settingsUrl(owner.tenantId),
    settingsHeading,
    `settings (viewer, ${testInfo.project.name})`,
  );
  await expect(invitee.getByText("You have read access (viewer)")).toBeVisible();
  await expect(invitee.getByRole("table", { name: "Members" }).getByText(email)).toBeVisible();
  await expect(invitee.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();
  await expect(invitee.getByRole("heading", { name: "Invites", exact: true })).toHaveCount(0);
  await expect(invitee.getByRole("main").getByRole("button", { name: MUTATION_BUTTONS })).toHaveCount(0);
  await expect(invitee.getByRole("main").getByRole("textbox")).toHaveCount(0);
  await expect(invitee.getByRole("main").getByRole("combobox")).toHaveCount(0);
  await expectNoHorizontalOverflow(invitee);
  await saveScreenshotFromTop(invitee, testInfo, "settings-viewer");

  // The other tenant pages, once they exist, offer a viewer no changes either.
  for (const section of ["endpoints", "messages", "event-types", ""]) {
    const response = await invitee.goto(`${baseUrl()}/t/${owner.tenantId}${section ? `/${section}` : ""}`);
    if (response?.status() !== 200) continue;
    await expect(
      invitee.getByRole("main").getByRole("button", { name: MUTATION_BUTTONS }),
      `a mutation button on /${section}`,
    ).toHaveCount(0);
  }
  await inviteeContext.close();

  // Back to the owner: the invite is spent, the viewer is a member.
  await page.goto(settingsUrl(owner.tenantId));
  await expect(page.getByRole("table", { name: "Pending invites" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Members" }).getByText(email)).toBeVisible();
});

test(
  "should change a member's role, remove the member, revoke an invite and keep the last owner",
  { tag: "@desktop-only" },
  async ({ page }, testInfo) => {
    const owner = await registerWithTenant(page);
    await page.goto(settingsUrl(owner.tenantId));
    const members = page.getByRole("table", { name: "Members" });

    // The only owner can be neither demoted nor removed.
    await expect(members.getByRole("combobox", { name: new RegExp(`Role of .*${owner.email}`) })).toBeDisabled();
    await expect(members.getByRole("button", { name: new RegExp(`Remove .*${owner.email}`) })).toBeDisabled();

    // Two invites: one is revoked (after confirming), the other is accepted through the API.
    const revoked = `${unique("revoked")}@example.test`;
    const joining = `${unique("admin")}@example.test`;
    for (const email of [revoked, joining]) {
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByRole("button", { name: "Create invite" }).click();
      await expect(page.getByRole("region", { name: "New invite link" })).toContainText(email);
    }
    const joinLink = (await page
      .getByRole("region", { name: "New invite link" })
      .getByLabel("Invite link")
      .textContent())!.trim();
    await page.getByRole("button", { name: `Revoke the invite for ${revoked}` }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke this invite?" });
    await expect(dialog).toBeVisible();
    await saveScreenshotFromTop(page, testInfo, "settings-confirm-revoke-invite");
    await dialog.getByRole("button", { name: "Revoke invite" }).click();
    await expect(page.getByRole("status").filter({ hasText: "was revoked" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Pending invites" }).getByText(revoked)).toHaveCount(0);

    const registered = await fetch(`${baseUrl()}/api/account/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: joining, password: "a-good-password", inviteToken: joinLink.split("/invite/")[1] }),
    });
    expect(registered.status).toBe(201);
    await page.reload();

    // Promote to admin, then remove after confirming.
    await members.getByRole("combobox", { name: new RegExp(`Role of .*${joining}`) }).selectOption("admin");
    await expect(page.getByRole("status").filter({ hasText: `${joining} is now admin` })).toBeVisible();
    await expect(members.getByRole("combobox", { name: new RegExp(`Role of .*${joining}`) })).toHaveValue("admin");
    await members.getByRole("button", { name: new RegExp(`Remove .*${joining}`) }).click();
    await page
      .getByRole("dialog", { name: "Remove this member?" })
      .getByRole("button", { name: "Remove member" })
      .click();
    await expect(page.getByRole("status").filter({ hasText: `${joining} was removed` })).toBeVisible();
    await expect(members.getByText(joining)).toHaveCount(0);
  },
);

test("should create an API key shown once with a copy button, use it, and revoke it", async ({
  page,
  context,
}, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const owner = await registerWithTenant(page);
  await page.goto(settingsUrl(owner.tenantId));
  await expectNoHorizontalOverflow(page);

  const name = unique("backend");
  await page.getByLabel("Key name").fill(name);
  await page.getByLabel("Key role").selectOption("admin");
  await page.getByRole("button", { name: "Create key" }).click();
  const created = page.getByRole("region", { name: "New API key" });
  await expect(created).toContainText("will not be shown again");
  const key = (await created.getByLabel("New API key").textContent())!.trim();
  expect(key).toMatch(/^hl_[0-9a-f]{12}_[\w-]{43}$/);
  await expectNoHorizontalOverflow(page); // the whole key fits, wrapped, on a phone
  await created.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(created.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await saveScreenshotFromTop(page, testInfo, "settings-api-key-created");

  // The key works against the API…
  const withKey = (path: string) => fetch(`${baseUrl()}${path}`, { headers: { authorization: `Bearer ${key}` } });
  expect((await withKey(`/api/v1/tenants/${owner.tenantId}`)).status).toBe(200);

  // …and is never shown again: only its prefix, its role and when it was last used.
  await created.getByRole("button", { name: "I have copied it" }).click();
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);
  const row = page.getByRole("table", { name: "API keys" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 15));
  await expect(row).toContainText("admin");
  await expect(row).not.toContainText("never");
  await expectNoHorizontalOverflow(page);

  await row.getByRole("button", { name: `Revoke the key ${name}` }).click();
  await page.getByRole("dialog", { name: "Revoke this API key?" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "revoked" })).toBeVisible();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  expect((await withKey(`/api/v1/tenants/${owner.tenantId}`)).status).toBe(401);
});

test(
  "should rename the tenant as its owner, but leave its limits to the operator",
  { tag: "@desktop-only" },
  async ({ page }) => {
    const owner = await registerWithTenant(page);
    await page.goto(settingsUrl(owner.tenantId));
    await expect(page.getByLabel("Retention (days)")).toHaveCount(0);
    const name = unique("Renamed");
    await page.getByLabel("Tenant name").fill(name);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
    // The tenant switcher in the header follows.
    await expect(page.getByRole("banner").getByRole("combobox")).toContainText(name);
  },
);

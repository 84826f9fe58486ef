import { expect, test } from "@playwright/test";
import {
  baseUrl,
  E2E_OPERATOR,
  mainNav,
  registerWithTenant,
  saveScreenshot,
  signIn,
  signInAsOperator,
} from "./helpers";

test("should show the sign-in page and refuse a wrong password without crashing", async ({ page }, testInfo) => {
  await page.goto(`${baseUrl()}/sign-in`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await saveScreenshot(page, testInfo, "sign-in");
  await page.getByLabel("Email").fill(E2E_OPERATOR.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // (Next's route announcer is an alert too: pick ours by its text)
  await expect(page.getByRole("alert").filter({ hasText: "email or password" })).toHaveText(
    "The email or password is wrong.",
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

test("should send visitors of a dashboard page to sign-in and back", async ({ page }) => {
  await page.goto(`${baseUrl()}/t`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Ft/);
  await page.getByLabel("Email").fill(E2E_OPERATOR.email);
  await page.getByLabel("Password").fill(E2E_OPERATOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/t/);
});

test("should say that accounts are by invitation, register an invited user, sign out and in again", async ({
  page,
}, testInfo) => {
  // The default mode (HOOKLINE_REGISTRATION=invite): no open form, no Register link, a notice.
  await page.goto(`${baseUrl()}/register`);
  await expect(page.getByRole("heading", { name: "Registration is by invitation" })).toBeVisible();
  await expect(page.getByText("open the invite link you were sent")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
  await saveScreenshot(page, testInfo, "register");
  await page.goto(`${baseUrl()}/sign-in`);
  await expect(page.getByText("Accounts on this instance are by invitation")).toBeVisible();
  await expect(page.getByRole("link", { name: "Register" })).toHaveCount(0);
  // Nor does the API take a registration without an invite.
  const refused = await fetch(`${baseUrl()}/api/account/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "uninvited@example.test", password: "a-good-password", tenantName: "Mine" }),
  });
  expect(refused.status).toBe(403);
  // An invite link's form registers the invited person (registerWithTenant goes through it).
  const { email, password, tenantId } = await registerWithTenant(page);
  await expect((await mainNav(page)).getByRole("link", { name: "Endpoints" })).toHaveAttribute(
    "href",
    `/t/${tenantId}/endpoints`,
  );
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(new RegExp(`/t/${tenantId}`));
});

test("should show the operator the operator pages", async ({ page }) => {
  await signInAsOperator(page);
  await expect((await mainNav(page)).getByRole("link", { name: "System" })).toBeVisible();
});

test("should show another tenant's pages as not found", { tag: "@desktop-only" }, async ({ page, browser }) => {
  const owner = await registerWithTenant(page);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await registerWithTenant(other);
  const response = await other.goto(`${baseUrl()}/t/${owner.tenantId}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByText(/could not be found|not found/i).first()).toBeVisible();
  await otherContext.close();
});

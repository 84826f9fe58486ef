import { expect, test } from "@playwright/test";
import { baseUrl, saveScreenshot } from "./helpers";

test("should open the home page", async ({ page }, testInfo) => {
  await page.goto(baseUrl());
  await expect(page).toHaveTitle(/Hookline/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhooks your customers can trust.");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await saveScreenshot(page, testInfo, "home");
});

test("should report a healthy system with a live worker", async ({ request }) => {
  await expect(async () => {
    const response = await request.get(`${baseUrl()}/api/health`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: "ok", worker: { alive: 1, stale: false } });
  }).toPass({ timeout: 20_000 });
});

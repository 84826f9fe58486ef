import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

export function baseUrl(): string {
  const url = process.env.HOOKLINE_E2E_URL;
  if (!url) throw new Error("HOOKLINE_E2E_URL is not set: the global setup did not start Hookline");
  return url;
}

/** Saves a full-page screenshot as test/e2e/screenshots/<name>-<project>.png (kept in git, looked at by people). */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: path.join(import.meta.dirname, "screenshots", `${name}-${testInfo.project.name}.png`), fullPage: true });
}

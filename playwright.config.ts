// Browser tests run in Debian's Chromium (Playwright cannot download its own browser on our
// machines). The global setup starts Hookline exactly as `npm start` does, on free ports, with
// its own data directory.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];
const executablePath = CANDIDATES.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
if (!executablePath) {
  throw new Error(
    "No Chromium found for the browser tests. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) " +
      "or set CHROMIUM_PATH to a Chromium/Chrome binary. `npx playwright install` is not needed.",
  );
}

const launchOptions = {
  executablePath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "test/e2e",
  // Separate runs at once (several people on one machine) each need their own: HOOKLINE_E2E_ARTIFACTS.
  outputDir: process.env.HOOKLINE_E2E_ARTIFACTS || "test/e2e/.artifacts",
  globalSetup: "./test/e2e/global-setup.ts",
  globalTeardown: "./test/e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions } },
    // The phone run checks every page's layout at 390 px (screenshots, no sideways overflow);
    // flows that only repeat the desktop's logic on a smaller screen are tagged @desktop-only.
    {
      name: "phone",
      grepInvert: /@desktop-only/,
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions },
    },
  ],
});

// Starts one Hookline (web + worker + embedded PostgreSQL) for the browser tests and tells the
// specs where it is through HOOKLINE_E2E_URL. Set HOOKLINE_E2E_URL yourself to test a running one.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../server/ports";
import { startHookline } from "../helpers/hookline-process";

/**
 * Where this run's state lives ({ pgid, dataDir, distDir, url }): one file per run, so runs in
 * parallel never tear down each other's server. The path travels to the teardown and the spec
 * workers in HOOKLINE_E2E_STATE_FILE (Playwright passes global setup's environment on).
 */
export function stateFile(): string | undefined {
  return process.env.HOOKLINE_E2E_STATE_FILE;
}

/** The operator account and the platform API key every spec may use to set up data. */
export const E2E_OPERATOR = {
  email: "operator@hookline.test",
  password: "operator-password-1",
  name: "Olivia Operator",
};
export const E2E_ADMIN_KEY = "e2e-admin-key-0123456789abcdef";

export default async function globalSetup() {
  if (process.env.HOOKLINE_E2E_URL) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hookline-e2e-"));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  // Our own build directory: another run (or `npm start`) rebuilding `.next` cannot pull the
  // files from under this server. The teardown removes it.
  const distDir = path.join(".next-e2e", path.basename(dataDir));
  const hookline = await startHookline({
    dataDir,
    port,
    env: {
      HOOKLINE_EMBEDDED_PG_PORT: String(await freePort()),
      HOOKLINE_DIST_DIR: distDir,
      HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true",
      HOOKLINE_ADMIN_API_KEY: E2E_ADMIN_KEY,
      HOOKLINE_RETRY_SCHEDULE: "1s,2s,4s",
      HOOKLINE_POLL_INTERVAL_MS: "250",
      LOG_LEVEL: "warn",
    },
  });
  process.env.HOOKLINE_E2E_URL = hookline.url;
  // The first account of the instance is its operator: register it before any spec runs.
  const response = await fetch(`${hookline.url}/api/account/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(E2E_OPERATOR),
  });
  if (response.status !== 201)
    throw new Error(`could not register the e2e operator: ${response.status} ${await response.text()}`);
  process.env.HOOKLINE_E2E_STATE_FILE = path.join(dataDir, "e2e-state.json");
  writeFileSync(
    process.env.HOOKLINE_E2E_STATE_FILE,
    JSON.stringify({ pgid: hookline.child.pid, dataDir, distDir, url: hookline.url }),
  );
  hookline.child.unref();
}

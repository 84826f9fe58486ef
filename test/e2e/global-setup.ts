// Starts one Hookline (web + worker + embedded PostgreSQL) for the browser tests and tells the
// specs where it is through HOOKLINE_E2E_URL. Set HOOKLINE_E2E_URL yourself to test a running one.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/ports";
import { startHookline } from "../helpers/hookline-process";

export const STATE_FILE = path.join(os.tmpdir(), "hookline-e2e-state.json");

export default async function globalSetup() {
  if (process.env.HOOKLINE_E2E_URL) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hookline-e2e-"));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const hookline = await startHookline({
    dataDir,
    port,
    env: { HOOKLINE_EMBEDDED_PG_PORT: String(await freePort()), HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true", LOG_LEVEL: "warn" },
  });
  process.env.HOOKLINE_E2E_URL = hookline.url;
  writeFileSync(STATE_FILE, JSON.stringify({ pgid: hookline.child.pid, dataDir, url: hookline.url }));
  hookline.child.unref();
}

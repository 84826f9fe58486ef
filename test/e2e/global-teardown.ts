import { existsSync, readFileSync, rmSync } from "node:fs";
import { stateFile } from "./global-setup";

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ctrl-C for the Hookline the setup started, then wait for its process group to be gone. */
export default async function globalTeardown() {
  const file = stateFile();
  if (!file || !existsSync(file)) return;
  const { pgid, dataDir, distDir } = JSON.parse(readFileSync(file, "utf8")) as {
    pgid: number;
    dataDir: string;
    distDir?: string;
  };
  if (alive(pgid)) process.kill(-pgid, "SIGINT");
  const deadline = Date.now() + 40_000;
  while (alive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (alive(pgid)) process.kill(-pgid, "SIGKILL");
  // The database supervisor runs in its own group and stops PostgreSQL once the group is gone.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  for (let attempt = 0; attempt < 50 && existsSync(`${dataDir}/pg.json`); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 200));
  rmSync(dataDir, { recursive: true, force: true });
  if (distDir) rmSync(distDir, { recursive: true, force: true });
}

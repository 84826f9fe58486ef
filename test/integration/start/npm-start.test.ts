// The README's promise: `npm start` brings up web + worker + embedded PostgreSQL, keeps data
// across restarts, survives a SIGKILL of everything, and Ctrl-C leaves no process behind.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/server/ports";
import { groupMembers, startHookline, type Hookline } from "../../helpers/hookline-process";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "hookline-start-"));
chmodSync(dataDir, 0o755);
const started: Hookline[] = [];
afterAll(() => {
  for (const hookline of started) {
    try {
      hookline.signalGroup("SIGKILL");
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function health(url: string) {
  const response = await fetch(`${url}/api/health`);
  return { status: response.status, body: (await response.json()) as { status: string; worker: { alive: number } } };
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** What the embedded database's supervisor wrote about itself (server/embedded-database.ts). */
function supervisorState(): { supervisorPid: number; url?: string } {
  return JSON.parse(readFileSync(path.join(dataDir, "pg.json"), "utf8"));
}

async function workerRows(): Promise<number> {
  const url = supervisorState().url;
  if (!url) throw new Error("no embedded database state");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM worker_heartbeats");
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe("npm start", { timeout: 400_000 }, () => {
  it("should start web, worker and embedded PostgreSQL, survive SIGKILL of everything, and stop cleanly", async () => {
    // 1. First start: initialises .data/pg, migrates, builds if needed, answers on /api/health.
    const first = await startHookline({
      dataDir,
      port: await freePort(),
      env: { HOOKLINE_EMBEDDED_PG_PORT: String(await freePort()) },
    });
    started.push(first);
    expect(first.output()).toContain("embedded PostgreSQL started");
    expect(first.output()).toMatch(/Sign in: open http:\/\/localhost:\d+\/sign-in/);
    expect((await health(first.url)).status).toBe(200);
    await waitFor("the worker's heartbeat", async () =>
      (await health(first.url)).body.worker.alive === 1 ? true : undefined,
    );
    expect(existsSync(path.join(dataDir, "pg", "PG_VERSION"))).toBe(true);
    expect(await workerRows()).toBe(1);

    // 2. kill -9 the whole process group: the database supervisor notices and shuts PostgreSQL down.
    first.signalGroup("SIGKILL");
    await first.exited;
    await waitFor("the embedded database to stop", () =>
      existsSync(path.join(dataDir, "pg.json")) ? undefined : true,
    );
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

    // 3. Start again on the same data: reused (the first worker's row is still there), healthy.
    const second = await startHookline({ dataDir, port: await freePort() });
    started.push(second);
    expect((await health(second.url)).status).toBe(200);
    // (the first worker's row counts as alive for a few seconds more, so wait for the new row)
    await waitFor("the second worker's heartbeat row", async () => ((await workerRows()) === 2 ? true : undefined));

    // 4. Ctrl-C (SIGINT to the process group): everything exits, nothing is left running.
    const members = await groupMembers(second.child.pid!);
    expect(members.length).toBeGreaterThanOrEqual(3); // start script, web, worker
    const { supervisorPid } = supervisorState();
    second.signalGroup("SIGINT");
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain("[hookline] stopped");
    await waitFor("every process to exit", () => ([...members, supervisorPid].some(alive) ? undefined : true), 15_000);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
  });
});

import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/server/embedded-postgres";

const root = mkdtempSync(path.join(os.tmpdir(), "hookline-embedded-"));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const running: EmbeddedPostgres[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

async function start(dataDir: string, options: { preferredPort?: number; detached?: boolean } = {}) {
  const server = await startEmbeddedPostgres({ dataDir, ...options });
  running.push(server);
  return server;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
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

describe("embedded PostgreSQL", () => {
  it("should initialise a data directory once and keep its data across restarts", async () => {
    const dataDir = path.join(root, "reuse");
    const first = await start(dataDir);
    expect(first.url).toMatch(/\/hookline$/);
    await sql(first.url, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
    await running.pop()!.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await start(dataDir);
    expect(await sql(second.url, "SELECT value FROM kept")).toEqual([{ value: "still here" }]);
  });

  it("should choose a free port when the preferred one is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const server = await start(path.join(root, "port"), { preferredPort: taken });
      expect(server.port).not.toBe(taken);
      expect(await sql(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      blocker.close();
    }
  });

  it("should start after a crash left a stale postmaster.pid behind", async () => {
    const dataDir = path.join(root, "stale");
    const server = await start(dataDir);
    await running.pop()!.stop();
    // What a kill -9 leaves: a pid file naming a process that no longer exists.
    const deadPid = Number(execFileSync("sh", ["-c", "sleep 0 & echo $!"], { encoding: "utf8" }).trim());
    writeFileSync(path.join(dataDir, "postmaster.pid"), `${deadPid}\n${dataDir}\n0\n${server.port}\n\n127.0.0.1\n`);
    const again = await start(dataDir);
    expect(await sql(again.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("should stop a server orphaned by an earlier run and take the directory over", async () => {
    const dataDir = path.join(root, "orphan");
    const orphan = await startEmbeddedPostgres({ dataDir, detached: true }); // never stopped by us
    const pidInFile = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(pidInFile).toBe(orphan.pid);

    const server = await start(dataDir);
    expect(alive(orphan.pid)).toBe(false);
    expect(server.pid).not.toBe(orphan.pid);
    expect(await sql(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("should delete an ephemeral cluster when it stops", async () => {
    const dataDir = path.join(root, "ephemeral");
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    await server.stop();
    expect(existsSync(dataDir)).toBe(false);
  });
});

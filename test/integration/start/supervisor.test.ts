// npm start supervises: a worker killed with SIGKILL is started again (and only it), a killed
// embedded PostgreSQL is started again on its port while web and workers reconnect by
// themselves, and when the database cannot be started again npm start gives up after 5 tries,
// exits 1 and says why. What the supervisor did is in .data/supervisor.json.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/server/ports";
import { readSupervisorState, type TSupervisedProcess } from "@/lib/supervisor/supervisor-state";
import { groupMembers, startHookline, type Hookline } from "../../helpers/hookline-process";
import { eventually } from "../../helpers/worker";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "hookline-supervisor-"));
chmodSync(dataDir, 0o755);
let hookline: Hookline | undefined;
let blocker: net.Server | undefined;
afterAll(() => {
  blocker?.close();
  try {
    hookline?.signalGroup("SIGKILL");
  } catch {
    // already gone
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function supervised(name: string): TSupervisedProcess {
  const entry = readSupervisorState(dataDir)?.processes.find((process) => process.name === name);
  if (!entry) throw new Error(`no supervised process named ${name}`);
  return entry;
}

/** The postmaster's pid, from its lock file (the first line). */
const postmasterPid = () => Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);

async function health(url: string) {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
    return { code: response.status, ...((await response.json()) as { status: string; worker: { alive: number } }) };
  } catch {
    return undefined;
  }
}

function occupy(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => resolve(server));
  });
}

describe("npm start supervisor", { timeout: 400_000 }, () => {
  it("should restart a killed worker and a killed database, and give up on a database that cannot start", async () => {
    const databasePort = await freePort();
    hookline = await startHookline({
      dataDir,
      port: await freePort(),
      env: {
        HOOKLINE_EMBEDDED_PG_PORT: String(databasePort),
        HOOKLINE_WORKERS: "2",
        HOOKLINE_WORKER_HEARTBEAT_MS: "500",
        LOG_LEVEL: "error",
      },
    });
    const url = hookline.url;
    expect(readSupervisorState(dataDir)?.processes.map((process) => process.name)).toEqual([
      "database",
      "web",
      "worker-1",
      "worker-2",
    ]);
    await eventually(async () => ((await health(url))?.worker.alive === 2 ? true : undefined), 60_000, "two workers");

    // 1. kill -9 one worker: it alone is started again, after 1 s, with one log line.
    const killed = supervised("worker-1").pid!;
    const untouched = supervised("worker-2").pid;
    process.kill(killed, "SIGKILL");
    await eventually(
      () => (supervised("worker-1").state === "running" && supervised("worker-1").pid !== killed ? true : undefined),
      30_000,
      "worker-1 to be running again",
    );
    expect(hookline.output()).toMatch(
      /\[hookline\] worker-1 exited \(signal SIGKILL\) after [\d.]+ s; restart 1 in 1 s\n/,
    );
    expect(supervised("worker-1")).toMatchObject({ restarts: 1, lastExit: { cause: "signal SIGKILL" } });
    expect(supervised("worker-2")).toMatchObject({ pid: untouched, restarts: 0 });
    expect(supervised("web").restarts).toBe(0);

    // 2. kill -9 PostgreSQL: started again on its port; web and workers reconnect without a restart.
    process.kill(postmasterPid(), "SIGKILL");
    await eventually(
      async () => {
        const now = await health(url);
        return now?.code === 200 && now.status === "ok" && now.worker.alive === 2 ? true : undefined;
      },
      90_000,
      "the database back and both workers beating",
    );
    expect(hookline.output()).toMatch(
      /\[hookline\] database exited \(PostgreSQL signal SIGKILL\) after [\d.]+ s; restart 1 in 1 s\n/,
    );
    expect(supervised("database")).toMatchObject({ state: "running", restarts: 1 });
    expect(supervised("web").restarts).toBe(0);
    expect(supervised("worker-2")).toMatchObject({ pid: untouched, restarts: 0 });

    // 3. kill -9 PostgreSQL while something else takes its port: 5 tries, then exit 1 with the reason.
    // (Its last run was shorter than 60 s, so the backoff goes on from 2 s: 2 + 4 + 8 + 16 + 30 s.)
    const members = await groupMembers(hookline.child.pid!);
    const supervisorPid = supervised("database").pid!;
    process.kill(postmasterPid(), "SIGKILL");
    blocker = await eventually(() => occupy(databasePort).catch(() => undefined), 5_000, "the database's port");
    expect(await hookline.exited).toBe(1);
    expect(hookline.output()).toContain(
      `the embedded PostgreSQL could not be started again after 5 tries: embedded PostgreSQL: port ${databasePort} is in use`,
    );
    expect(hookline.output()).toMatch(
      /database exited \(PostgreSQL signal SIGKILL\) after [\d.]+ s; restart 2 in 2 s\n/,
    );
    expect(hookline.output().match(/database could not be started \(.*\); restart \d in \d+ s\n/g)).toHaveLength(4);
    expect(supervised("database").state).toBe("gave-up");
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await eventually(
      () => ([...members, supervisorPid].some(alive) ? undefined : true),
      30_000,
      "every process to exit",
    );
  });
});

// The stage for chaos scenarios about the stack itself: Hookline started the way a user starts
// it (`npm start`: embedded PostgreSQL, web, workers, all supervised) in a data directory of its
// own, a tenant with endpoints at a signing receiver (set up over the REST API, with known
// secrets), and handles on the supervised processes: their pids come from the supervisor's state
// file (.data/supervisor.json), the postmaster's from PostgreSQL's own lock file.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/server/ports";
import { generateSecret } from "@/lib/signing";
import { readSupervisorState, type TSupervisedProcess } from "@/lib/supervisor/supervisor-state";
import { startHookline, type Hookline } from "../../helpers/hookline-process";
import { ADMIN_KEY } from "../cluster";
import { sleep, startLoad, startSigningReceiver, type Load, type LoadOptions, type SigningReceiver } from "./harness";

export interface Stack {
  hookline: Hookline;
  url: string;
  dataDir: string;
  receiver: SigningReceiver;
  apiKey: string;
  tenantId: string;
  /** Adds an event type and one endpoint per path at the receiver, subscribed to it. */
  addEndpoints(eventType: string, paths: readonly string[], options?: { delayMs?: number }): Promise<void>;
  /** A supervised process as the supervisor last described it. */
  supervised(name: string): TSupervisedProcess;
  /** Waits until `name` runs with a pid other than `oldPid`; returns the new pid. */
  restarted(name: string, oldPid: number, timeoutMs?: number): Promise<number>;
  postmasterPid(): number;
  /** A publish load (harness.ts) through the stack's web process, as the tenant. */
  startLoad(options: Omit<LoadOptions, "url" | "apiKey" | "tenantId">): Load;
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  destroy(): Promise<void>;
}

export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hookline-chaos-stack-"));
  chmodSync(dataDir, 0o755);
  const receiver = await startSigningReceiver();
  const hookline = await startHookline({
    dataDir,
    port: await freePort(),
    env: {
      HOOKLINE_EMBEDDED_PG_PORT: String(await freePort()),
      HOOKLINE_ADMIN_API_KEY: ADMIN_KEY,
      HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true",
      HOOKLINE_WORKER_HEARTBEAT_MS: "500",
      HOOKLINE_POLL_INTERVAL_MS: "200",
      LOG_LEVEL: "warn",
      LOG_FORMAT: "json",
      ...env,
    },
  });
  const url = hookline.url;
  const api = async <T>(method: string, route: string, body: unknown): Promise<T> => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  let tenantId: string;
  try {
    tenantId = (await api<{ id: string }>("POST", "/api/v1/tenants", { name: "chaos stack" })).id;
  } catch (error) {
    // No stack is handed out, so nobody would stop this one: stop it here.
    hookline.signalGroup("SIGKILL");
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const supervised = (name: string) => {
    const entry = readSupervisorState(dataDir)?.processes.find((process) => process.name === name);
    if (!entry) throw new Error(`npm start supervises no process named ${name}`);
    return entry;
  };
  const databaseUrl = () => {
    const state = JSON.parse(readFileSync(path.join(dataDir, "pg.json"), "utf8")) as { url?: string };
    if (!state.url) throw new Error("the embedded database is not running");
    return state.url;
  };
  return {
    hookline,
    url,
    dataDir,
    receiver,
    apiKey: ADMIN_KEY,
    tenantId,
    async addEndpoints(eventType, paths, options = {}) {
      await api("POST", "/api/v1/event-types", { name: eventType });
      for (const endpointPath of paths) {
        const secret = generateSecret();
        await api("POST", `/api/v1/tenants/${tenantId}/endpoints`, {
          url: receiver.url(endpointPath),
          eventTypes: [eventType],
          secret,
          maxConcurrency: 16,
        });
        receiver.endpoint(endpointPath, secret, { delayMs: options.delayMs });
      }
    },
    supervised,
    async restarted(name, oldPid, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const entry = supervised(name);
        if (entry.state === "running" && entry.pid !== null && entry.pid !== oldPid) return entry.pid;
        if (Date.now() > deadline) throw new Error(`${name} did not come back within ${timeoutMs / 1000} s`);
        await sleep(50);
      }
    },
    startLoad: (options) => startLoad({ url, apiKey: ADMIN_KEY, tenantId, ...options }),
    postmasterPid: () => Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]),
    async query(sql, values = []) {
      const client = new pg.Client({ connectionString: databaseUrl() });
      await client.connect();
      try {
        return (await client.query(sql, values)).rows;
      } finally {
        await client.end();
      }
    },
    async destroy() {
      // The processes' own log lines (errors with their request ids) for a failed scenario.
      if (process.env.HOOKLINE_CHAOS_OUTPUT)
        (await import("node:fs")).writeFileSync(process.env.HOOKLINE_CHAOS_OUTPUT, hookline.output());
      try {
        hookline.signalGroup("SIGINT");
        await Promise.race([hookline.exited, sleep(60_000)]);
      } finally {
        try {
          hookline.signalGroup("SIGKILL");
        } catch {
          // already gone
        }
        await receiver.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

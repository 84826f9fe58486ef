// The stage for a chaos scenario that runs web and workers as separate real processes (the way
// `npm run start:web` and `npm run start:worker` deploy them) against a PostgreSQL of its own
// (./cluster.ts) that the scenario may stop, restart or cut: a tenant, endpoints with known
// secrets at a signing receiver, the production web server (server/web-server.ts) and workers
// (scripts/worker.ts) the scenario can kill, stop and resume by pid.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { createEventType } from "@/lib/event-types/create-event-type";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { freePort } from "@/server/ports";
import { generateSecret } from "@/lib/signing";
import { ensureBuild } from "@/server/build";
import { ROOT } from "../../helpers/hookline-process";
import { spawnWorker, type WorkerProcess } from "../../helpers/worker-process";
import { expect } from "vitest";
import { ADMIN_KEY, expectSettled, startCluster, type Cluster } from "../cluster";
import { startLoad, startSigningReceiver, type Load, type LoadOptions, type SigningReceiver } from "./harness";

/** Short leases and polls, so a scenario sees takeovers and reconnects within seconds. */
export const FAST_WORKER = {
  HOOKLINE_LEASE_MS: "3000",
  HOOKLINE_WORKER_HEARTBEAT_MS: "500",
  HOOKLINE_POLL_INTERVAL_MS: "200",
};

export interface WebProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** The production web server on a free loopback port (builds first if the build is stale). */
export async function startWebServer(databaseUrl: string, env: Record<string, string> = {}): Promise<WebProcess> {
  ensureBuild(ROOT, (line) => console.info(`[build] ${line}`));
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hookline-chaos-web-"));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "server/web-server.ts")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        LOG_FORMAT: "json",
        HOOKLINE_ADMIN_API_KEY: ADMIN_KEY,
        HOOKLINE_API_RATE_LIMIT: "0",
        ...env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOOKLINE_HOST: "127.0.0.1",
        HOOKLINE_DATA_DIR: dataDir,
        HOOKLINE_PROCESS: "web",
        NEXTAUTH_URL: url,
        HOOKLINE_PUBLIC_URL: url,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  while (!output.includes("web: listening on")) {
    if (child.exitCode !== null) throw new Error(`the web server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the web server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface EndpointSpec {
  path: string;
  eventTypes: string[];
  maxConcurrency?: number;
  timeoutMs?: number;
  delayMs?: number;
}

export interface World {
  cluster: Cluster;
  receiver: SigningReceiver;
  web: WebProcess;
  tenantId: string;
  apiKey: string;
  /** Endpoint ids by path. */
  endpointIds: Record<string, string>;
  /** A worker process with FAST_WORKER settings (and `env`); killed after the test if still alive. */
  spawnWorker(env?: Record<string, string>): Promise<WorkerProcess>;
  /** A publish load (harness.ts) through the web server, as the tenant. */
  startLoad(options: Omit<LoadOptions, "url" | "apiKey" | "tenantId">): Load;
  /**
   * How a scenario whose processes recover by themselves ends: web and `workers` still running
   * (none exited of the fault), every delivery succeeded, the database consistent.
   */
  expectRecovered(workers: WorkerProcess[]): Promise<void>;
  destroy(): Promise<void>;
}

export interface WorldOptions {
  eventTypes: string[];
  endpoints: EndpointSpec[];
  webEnv?: Record<string, string>;
}

export async function startWorld(options: WorldOptions): Promise<World> {
  const cluster = await startCluster();
  const receiver = await startSigningReceiver();
  const tenantId = (await db().tenant.create({ data: { id: newId("tenant"), name: "chaos" } })).id;
  for (const name of options.eventTypes) await createEventType({ name });
  const endpointIds: Record<string, string> = {};
  for (const spec of options.endpoints) {
    const secret = generateSecret();
    endpointIds[spec.path] = (
      await createEndpoint(null, tenantId, {
        url: receiver.url(spec.path),
        eventTypes: spec.eventTypes,
        secret,
        maxConcurrency: spec.maxConcurrency,
        timeoutMs: spec.timeoutMs,
      })
    ).id;
    receiver.endpoint(spec.path, secret, { delayMs: spec.delayMs });
  }
  const web = await startWebServer(cluster.url, options.webEnv);
  return {
    cluster,
    receiver,
    web,
    tenantId,
    apiKey: ADMIN_KEY,
    endpointIds,
    spawnWorker: (env = {}) => spawnWorker(cluster.url, { ...FAST_WORKER, ...env }),
    startLoad: (options) => startLoad({ url: web.url, apiKey: ADMIN_KEY, tenantId, ...options }),
    async expectRecovered(workers) {
      expect(web.child.exitCode).toBeNull();
      for (const worker of workers) expect(worker.child.exitCode).toBeNull();
      await expectSettled(cluster);
    },
    async destroy() {
      await web.stop();
      await receiver.close();
      await cluster.destroy();
    },
  };
}

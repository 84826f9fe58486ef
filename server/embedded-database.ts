// The embedded PostgreSQL that `npm start`, `npm run worker`, `npm run db:migrate` and friends
// share when DATABASE_URL is unset. The server is owned by a small detached supervisor process
// (scripts/postgres-supervisor.ts), so that:
//  - Ctrl-C in the terminal reaches web and worker first; the database stops after they drain;
//  - if the process that started it dies in any way (even SIGKILL of its whole process group),
//    the supervisor sees its stdin close and shuts PostgreSQL down cleanly: no orphan;
//  - a second command run while `npm start` is up attaches to the same server.
// `.data/pg.json` describes the running supervisor: { supervisorPid, url? }.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface SupervisorState {
  supervisorPid: number;
  url?: string;
}

export const stateFile = (dataDir: string) => path.join(dataDir, "pg.json");

export function readState(dataDir: string): SupervisorState | undefined {
  try {
    return JSON.parse(readFileSync(stateFile(dataDir), "utf8")) as SupervisorState;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForUrl(dataDir: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = readState(dataDir);
    if (state?.url) return state.url;
    if (!state || !isAlive(state.supervisorPid))
      throw new Error("the embedded PostgreSQL supervisor exited before it was ready");
    if (Date.now() > deadline) throw new Error("timed out waiting for the embedded PostgreSQL to start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface AcquiredDatabase {
  url: string;
  /** True when this process started the server (and will stop it on release). */
  owner: boolean;
  /** Pid of the process that owns the server (its supervisor); undefined for DATABASE_URL. */
  ownerPid?: number;
  /** Settles, with how, when the server (or, attached, its owner) is gone; undefined for DATABASE_URL. */
  exited?: Promise<string>;
  release(): Promise<void>;
}

/** Lines the supervisor prints on stdout (scripts/postgres-supervisor.ts). */
interface SupervisorLine {
  url?: string;
  attach?: boolean;
  error?: string;
  exited?: string;
}

/** Attached, we cannot hear the owner exit: look at its pid every second. */
function ownerGone(pid: number): Promise<string> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (isAlive(pid)) return;
      clearInterval(timer);
      resolve(`its owner (pid ${pid}) exited`);
    }, 1_000);
    timer.unref();
  });
}

async function attach(dataDir: string): Promise<AcquiredDatabase> {
  const url = await waitForUrl(dataDir, 60_000);
  const ownerPid = readState(dataDir)?.supervisorPid;
  let exited: Promise<string> | undefined;
  return {
    url,
    owner: false,
    ownerPid,
    get exited() {
      return ownerPid ? (exited ??= ownerGone(ownerPid)) : undefined;
    },
    release: async () => undefined,
  };
}

export interface AcquireOptions {
  /** Use exactly `port` or fail (a restart: web and workers already have the URL). */
  strictPort?: boolean;
}

/** Attach to the running embedded server for this data directory, or start one. */
export async function acquireEmbeddedDatabase(
  dataDir: string,
  port: number,
  options: AcquireOptions = {},
): Promise<AcquiredDatabase> {
  const existing = readState(dataDir);
  if (existing && isAlive(existing.supervisorPid)) return attach(dataDir);

  const supervisorScript = path.resolve(import.meta.dirname, "../scripts/postgres-supervisor.ts");
  const args = [supervisorScript, dataDir, String(port), ...(options.strictPort ? ["--strict-port"] : [])];
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    detached: true, // own process group: a terminal's Ctrl-C goes to web and worker, not here
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exitedProcess = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) =>
      resolve(signal ? `its supervisor got signal ${signal}` : `its supervisor exited with code ${code}`),
    ),
  );
  // The supervisor prints one JSON object per line: first {"url": ...} once the server is ready,
  // {"attach": true} when another supervisor won the race to own this data directory, or
  // {"error": ...}; later {"exited": ...} if PostgreSQL dies.
  let lastLine: SupervisorLine = {};
  const lines: Array<(line: SupervisorLine) => void> = [];
  let buffer = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
      lastLine = JSON.parse(buffer.slice(0, newline)) as SupervisorLine;
      buffer = buffer.slice(newline + 1);
      lines.shift()?.(lastLine);
    }
  });
  const first = await new Promise<SupervisorLine>((resolve, reject) => {
    lines.push(resolve);
    void exitedProcess.then((cause) =>
      reject(new Error(lastLine.error ?? `embedded PostgreSQL failed to start (${cause})`)),
    );
  });
  if (first.error) throw new Error(first.error);
  if (first.attach || !first.url) return attach(dataDir);
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  return {
    url: first.url,
    owner: true,
    ownerPid: child.pid,
    // Whatever the supervisor said last ({"exited": "PostgreSQL signal SIGKILL"}) names the cause.
    exited: exitedProcess.then((cause) => lastLine.exited ?? `embedded PostgreSQL: ${cause}`),
    async release() {
      child.ref(); // keep this process alive until the server is down
      child.stdin.end(); // the supervisor stops PostgreSQL when its stdin closes
      await exitedProcess;
    },
  };
}

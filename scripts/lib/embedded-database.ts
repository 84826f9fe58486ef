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
  release(): Promise<void>;
}

async function attach(dataDir: string): Promise<AcquiredDatabase> {
  return { url: await waitForUrl(dataDir, 60_000), owner: false, release: async () => undefined };
}

/** Attach to the running embedded server for this data directory, or start one. */
export async function acquireEmbeddedDatabase(dataDir: string, preferredPort: number): Promise<AcquiredDatabase> {
  const existing = readState(dataDir);
  if (existing && isAlive(existing.supervisorPid)) return attach(dataDir);

  const supervisorScript = path.resolve(import.meta.dirname, "../postgres-supervisor.ts");
  const child = spawn(process.execPath, ["--import", "tsx", supervisorScript, dataDir, String(preferredPort)], {
    detached: true, // own process group: a terminal's Ctrl-C goes to web and worker, not here
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // The supervisor's first stdout line is {"url": ...} once the server is ready, or
  // {"attach": true} when another supervisor won the race to own this data directory.
  const first = await new Promise<{ url?: string; attach?: boolean }>((resolve, reject) => {
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const newline = buffer.indexOf("\n");
      if (newline >= 0) resolve(JSON.parse(buffer.slice(0, newline)) as { url?: string; attach?: boolean });
    });
    void exited.then((code) => reject(new Error(`embedded PostgreSQL failed to start (supervisor exit ${code})`)));
  });
  if (first.attach || !first.url) return attach(dataDir);
  child.stdout.removeAllListeners("data");
  child.stdout.resume();
  child.unref();
  return {
    url: first.url,
    owner: true,
    async release() {
      child.ref(); // keep this process alive until the server is down
      child.stdin.end(); // the supervisor stops PostgreSQL when its stdin closes
      await exited;
    },
  };
}

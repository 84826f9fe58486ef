// Starts Hookline the way a user does (`npm start` → scripts/start.ts) in its own process
// group, for the start-up tests, the browser tests and the reliability tests.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface Hookline {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code once the whole start script has exited. */
  exited: Promise<number | null>;
  /** Signal the whole process group (what Ctrl-C or `kill -9 -PGID` does). */
  signalGroup(signal: NodeJS.Signals): void;
}

export interface StartOptions {
  dataDir: string;
  port: number;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export async function startHookline({ dataDir, port, env = {}, timeoutMs = 600_000 }: StartOptions): Promise<Hookline> {
  // vitest's NODE_ENV=test and a test's DATABASE_URL are not what `npm start` sees.
  // (spawn leaves out variables whose value is undefined.)
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    NODE_ENV: env.NODE_ENV as NodeJS.ProcessEnv["NODE_ENV"],
    DATABASE_URL: env.DATABASE_URL,
    HOOKLINE_DATA_DIR: dataDir,
    PORT: String(port),
  };
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: childEnv,
    detached: true, // a process group of its own, like a terminal session
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const deadline = Date.now() + timeoutMs;
  const banner = /Hookline is running at (\S+)/;
  while (!banner.test(output)) {
    if (exitCode !== undefined) throw new Error(`npm start exited (${exitCode}) before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`npm start was not ready within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    signalGroup: (signal) => process.kill(-child.pid!, signal),
  };
}

/** Pids of every process whose process group is `pgid` (Linux `ps`). */
export function groupMembers(pgid: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const ps = spawn("ps", ["-eo", "pid=,pgid="]);
    let text = "";
    ps.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    ps.on("error", reject);
    ps.on("close", () =>
      resolve(
        text
          .trim()
          .split("\n")
          .map((line) => line.trim().split(/\s+/).map(Number))
          .filter(([, group]) => group === pgid)
          .map(([pid]) => pid!),
      ),
    );
  });
}

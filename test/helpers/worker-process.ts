// A real worker process (`npm run worker`'s entry point) against a test database: for tests
// that kill workers, run several at once, or check signals and exit codes.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach } from "vitest";
import { ROOT } from "./hookline-process";

export interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
}

const spawned: WorkerProcess[] = [];

afterEach(async () => {
  for (const worker of spawned.splice(0)) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
    await worker.exited;
  }
});

export async function spawnWorker(databaseUrl: string, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/worker.ts")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "info",
        LOG_FORMAT: "json",
        HOOKLINE_RETRY_SCHEDULE: "100ms,200ms,400ms",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const worker = { child, exited, output: () => output };
  spawned.push(worker);
  const deadline = Date.now() + 30_000;
  while (!output.includes("worker started")) {
    if (child.exitCode !== null) throw new Error(`worker exited before it started:\n${output}`);
    if (Date.now() > deadline) throw new Error(`worker did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return worker;
}

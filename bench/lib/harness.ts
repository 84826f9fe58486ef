// What every benchmark needs: a throwaway PostgreSQL (embedded, tuned for speed like the tests'),
// the schema, a receiver process, worker processes, and a place for results.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/database/embedded-postgres";
import { migrate } from "../../lib/database/migrate";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface Database {
  url: string;
  stop(): Promise<void>;
}

export async function startDatabase(): Promise<Database> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hookline-bench-"));
  chmodSync(dir, 0o755);
  const server: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
  await migrate(server.url);
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Receiver {
  url: string;
  stop(): Promise<string>;
}

export async function startReceiverProcess(): Promise<Receiver> {
  const child = spawn(process.execPath, [path.join(ROOT, "bench/lib/receiver-process.mjs")], { stdio: ["ignore", "pipe", "pipe"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once("exit", () => reject(new Error("receiver exited")));
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      return stderr.trim();
    },
  };
}

export interface WorkerHandle {
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<WorkerHandle> {
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, "--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/worker.ts")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true", LOG_LEVEL: "warn", LOG_FORMAT: "json", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  // give it a moment to connect and start claiming
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export function writeResults(name: string, data: unknown): string {
  mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
  const file = path.join(ROOT, "bench/results", `${new Date().toISOString().replaceAll(":", "-")}-${name}.json`);
  writeFileSync(file, `${JSON.stringify({ machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, ...(data as object) }, null, 2)}\n`);
  return file;
}

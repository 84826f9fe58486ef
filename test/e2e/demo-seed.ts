// `npm run seed:demo -- --json` against the running e2e instance (its data directory, so its
// database and encryption key), for the specs that need a full demo: demo.spec.ts and the
// curated screenshots.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect } from "@playwright/test";
import { baseUrl, e2eDataDir } from "./helpers";

export interface SeedResult {
  operator: { email: string; reused: boolean };
  user: { email: string; password: string };
  tenant: { id: string; name: string };
  endpoints: Array<{ id: string; mode: "ok" | "flaky" | "slow"; url: string }>;
  history: { messages: number; deliveries: number; attempts: number };
  live: { messageIds: string[] };
  apiKey: string;
  seconds: number;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs `npm run seed:demo -- --json` as a user would, with the instance's settings. */
export async function runSeed(): Promise<SeedResult> {
  const port = new URL(baseUrl()).port;
  // The instance's data directory and public URL; no DATABASE_URL or NODE_ENV of the test
  // runner (spawn leaves out variables whose value is undefined).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: undefined,
    NODE_ENV: undefined as unknown as NodeJS.ProcessEnv["NODE_ENV"],
    HOOKLINE_DATA_DIR: await e2eDataDir(),
    HOOKLINE_PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: "warn",
  };
  const child = spawn("npm", ["run", "--silent", "seed:demo", "--", "--json"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code, `seed:demo failed:\n${stdout}\n${stderr}`).toBe(0);
  return JSON.parse(stdout.trim().split("\n").pop()!) as SeedResult;
}

// Hookline's npm scripts run as a deployment runs them (`npm run start:web`, `npm run
// start:worker`): the script's command line from package.json (`node …`), without npm in
// between, in a process group of its own, against a test's database. Whatever a test leaves
// running is killed, with its children (start:web's server), after the file.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect } from "vitest";
import { freePort } from "@/server/ports";
import { ROOT } from "./hookline-process";
import { eventually } from "./worker";

export interface ScriptProcess {
  child: ChildProcess;
  /** Resolves with the exit code once the script's process has exited. */
  exited: Promise<number | null>;
  output(): string;
}

export interface WebProcess extends ScriptProcess {
  url: string;
  port: number;
}

const started: ScriptProcess[] = [];

afterAll(async () => {
  for (const { child, exited } of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // the group is gone already
    }
    await exited;
  }
});

/** Runs an npm script's command line (`node …` from package.json) with NODE_ENV=production. */
export function runScript(script: string, env: Record<string, string>): ScriptProcess {
  const command = (
    JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts[script]!;
  const [program, ...args] = command.split(" ");
  expect(program).toBe("node");
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", LOG_FORMAT: "json", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: a cleanup reaches start:web's server too
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const handle = {
    child,
    exited: new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))),
    output: () => output,
  };
  started.push(handle);
  return handle;
}

/**
 * `npm run start:web` on a free port (or `env.PORT`); resolves once `/api/health` answers 200.
 * The first start may build the app (minutes on a loaded machine), hence the long bound. A free
 * port chosen before that build may be taken meanwhile by any process on the machine (the
 * ephemeral range serves outgoing connections too): then it starts again on another port.
 */
export async function startWeb(env: Record<string, string>, timeoutMs = 280_000): Promise<WebProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = env.PORT ? Number(env.PORT) : await freePort();
    const web = runScript("start:web", { ...env, PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    let exitCode: number | null | undefined;
    void web.exited.then((code) => (exitCode = code));
    const served = await eventually(
      async () => {
        if (exitCode !== undefined) return false;
        return (await fetch(`${url}/api/health`).catch(() => null))?.status === 200 ? true : undefined;
      },
      timeoutMs,
      "the web process",
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${web.output()}`);
    });
    if (served) return { ...web, url, port };
    if (!env.PORT && attempt < 3 && web.output().includes("EADDRINUSE")) continue;
    throw new Error(`the web process exited (${exitCode}) before it served:\n${web.output()}`);
  }
}

/** Resolves once the web process's health check counts `count` live workers. */
export async function liveWorkers(url: string, count: number, timeoutMs = 60_000): Promise<void> {
  await eventually(
    async () => {
      const health = (await (await fetch(`${url}/api/health`)).json()) as { worker: { alive: number } };
      return health.worker.alive === count ? true : undefined;
    },
    timeoutMs,
    `${count} live workers`,
  );
}

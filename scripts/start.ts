// npm start (and npm run dev): everything Hookline needs on one machine.
//  1. validate settings (a bad value stops here, naming the variable);
//  2. DATABASE_URL, or the embedded PostgreSQL in .data/pg;
//  3. migrations; 4. a production build when missing or stale (not in --dev);
//  5. the web server and one worker as child processes; print where to go.
// Ctrl-C / SIGTERM: web and worker stop first (the worker drains), then the database.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { EnvError, parseEnv, type TEnv } from "../lib/env";
import { migrate } from "../lib/database/migrate";
import { freePort, isPortFree } from "../lib/ports";
import { ensureBuild } from "./lib/build";
import { acquireDatabase } from "./lib/database-url";
import { waitForHttp } from "./lib/net";

const dev = process.argv.includes("--dev");
const root = path.resolve(import.meta.dirname, "..");
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") });
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.HOOKLINE_PROCESS = "start";

const say = (line: string) => process.stdout.write(`[hookline] ${line}\n`);

let settings: TEnv;
try {
  settings = parseEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  process.stderr.write(`${error.message}\nFix the variable(s) above and start again.\n`);
  process.exit(1);
}

const children: ChildProcess[] = [];
let shuttingDown = false;
let database: Awaited<ReturnType<typeof acquireDatabase>> | undefined;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    say("stopping…");
    const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
    const exited = running.map((child) => new Promise((resolve) => child.once("exit", resolve)));
    for (const child of running) child.kill("SIGTERM");
    const force = setTimeout(
      () => running.forEach((child) => child.kill("SIGKILL")),
      settings.HOOKLINE_WORKER_SHUTDOWN_GRACE_MS + 5_000,
    );
    await Promise.all(exited);
    clearTimeout(force);
    await database?.release();
    say("stopped");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));

try {
  database = await acquireDatabase();
  say(
    database.owner
      ? `embedded PostgreSQL started (data in ${path.join(settings.HOOKLINE_DATA_DIR, "pg")})`
      : settings.DATABASE_URL
        ? "using DATABASE_URL"
        : "attached to the running embedded PostgreSQL",
  );
  const { applied } = await migrate(database.url, { log: say });
  say(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");
  if (!dev) ensureBuild(root, say);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown(1);
}

// A port given explicitly must be used; the default moves aside when something else holds it.
const port =
  process.env.PORT || (await isPortFree(settings.PORT, settings.HOOKLINE_HOST)) ? settings.PORT : await freePort();
const publicUrl = process.env.HOOKLINE_PUBLIC_URL ?? `http://localhost:${port}`;
const childEnv = {
  ...process.env,
  DATABASE_URL: database!.url,
  PORT: String(port),
  HOOKLINE_PUBLIC_URL: publicUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? publicUrl,
  HOOKLINE_SUPERVISED: "1",
};

function run(name: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...childEnv, HOOKLINE_PROCESS: name },
  });
  child.on("exit", (code, signal) => {
    if (shuttingDown) return;
    say(`${name} exited unexpectedly (${signal ?? `exit ${code}`}); stopping everything`);
    void shutdown(1);
  });
  children.push(child);
  return child;
}

// Production: our server around Next's handler (scripts/web-server.ts: the publish fast path).
const next = path.join(root, "node_modules/next/dist/bin/next");
run(
  "web",
  dev
    ? [next, "dev", "--port", String(port), "--hostname", settings.HOOKLINE_HOST]
    : ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/web-server.ts")],
);
run("worker", ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/worker.ts")]);

try {
  await waitForHttp(`http://${settings.HOOKLINE_HOST}:${port}/api/health`, 120_000);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown(1);
}
say("");
say(`Hookline is running at ${publicUrl}`);
say(`Sign in: open ${publicUrl}/sign-in — on a new instance, register; the first account becomes the operator.`);
say(`Health: ${publicUrl}/api/health · Stop: Ctrl-C`);

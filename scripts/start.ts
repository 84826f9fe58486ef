// npm start (and npm run dev): everything Hookline needs on one machine.
//  1. validate settings (a bad value stops here, naming the variable);
//  2. DATABASE_URL, or the embedded PostgreSQL in .data/pg;
//  3. migrations; 4. a production build when missing or stale (not in --dev);
//  5. the web server and HOOKLINE_WORKERS workers as child processes; print where to go.
// Then it supervises (scripts/lib/supervise.ts): a process that dies is started again with
// backoff, the embedded database included (on the same port, so web and workers, which
// reconnect by themselves, find it again); what happened is published in .data/supervisor.json
// for the System page. It stops only on Ctrl-C / SIGTERM (web and workers first, the workers
// drain, then the database), or when the embedded database cannot be started again (exit 1).
import { spawn } from "node:child_process";
import path from "node:path";
import { EnvError, parseEnv, type TEnv } from "../lib/env";
import { migrate } from "../server/migrate";
import { newId } from "../lib/ids";
import { freePort, isPortFree } from "../server/ports";
import { DEFAULT_RESTART_POLICY } from "../lib/supervisor/restart-policy";
import { writeSupervisorState } from "../lib/supervisor/supervisor-state";
import { ensureBuild } from "../server/build";
import { acquireDatabase } from "../server/database-url";
import type { AcquiredDatabase } from "../server/embedded-database";
import { waitForHttp } from "../server/net";
import { runChild, Supervisor, type Running } from "./lib/supervise";

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

/** Failed starts in a row after which the embedded database is given up on (and everything stops). */
const DATABASE_START_TRIES = 5;
const startedAt = new Date().toISOString();
let stateWriteFailed = false;
const supervisor = new Supervisor({
  log: say,
  onChange(processes) {
    try {
      writeSupervisorState(settings.HOOKLINE_DATA_DIR, {
        pid: process.pid,
        startedAt,
        updatedAt: new Date().toISOString(),
        processes,
      });
    } catch (error) {
      if (!stateWriteFailed) say(`could not write the supervisor's state file: ${String(error)}`);
      stateWriteFailed = true;
    }
  },
  onGiveUp(name, reason) {
    process.stderr.write(
      `[hookline] the embedded PostgreSQL could not be started again after ${DATABASE_START_TRIES} tries: ${reason}\n`,
    );
    void shutdown(1);
  },
});

let shuttingDown = false;
let database: AcquiredDatabase | undefined;
let databaseSupervised = false;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    say("stopping…");
    const force = setTimeout(() => {
      say("processes did not stop in time; killing them");
      process.exit(code || 1);
    }, settings.HOOKLINE_WORKER_SHUTDOWN_GRACE_MS + 45_000);
    force.unref();
    // Web and workers first (the workers drain), then the database they were using.
    const names = supervisor.processes().map((entry) => entry.name);
    await supervisor.stop(names.filter((name) => name !== "database"));
    if (databaseSupervised) await supervisor.stop(["database"]);
    else await database?.release();
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

/** An acquired embedded database as a supervised run: it has exited when its server is gone. */
function databaseRun(acquired: AcquiredDatabase): Running {
  let stopped: () => void = () => undefined;
  const stopping = new Promise<string>((resolve) => (stopped = () => resolve("stopped")));
  return {
    pid: acquired.ownerPid,
    exited: Promise.race([acquired.exited!, stopping]),
    async stop() {
      await acquired.release();
      stopped();
    },
  };
}

// The embedded database (not an external DATABASE_URL, which is someone else's to run): when
// it dies, start it again on the same port, so the URL web and workers hold stays right.
if (database!.exited) {
  const first = database!;
  const port = Number(new URL(first.url).port);
  databaseSupervised = true;
  supervisor.add(
    {
      name: "database",
      policy: { ...DEFAULT_RESTART_POLICY, maxFailedStarts: DATABASE_START_TRIES },
      async start() {
        const again = await acquireDatabase({ port, strictPort: true });
        if (again.url !== first.url) {
          await again.release();
          throw new Error(`it came back at another address (${new URL(again.url).host})`);
        }
        database = again;
        return databaseRun(again);
      },
    },
    databaseRun(first),
  );
}

// A port given explicitly must be used; the default moves aside when something else holds it.
const port =
  process.env.PORT || (await isPortFree(settings.PORT, settings.HOOKLINE_HOST)) ? settings.PORT : await freePort();
const publicUrl = process.env.HOOKLINE_PUBLIC_URL ?? `http://localhost:${port}`;
const childEnv = {
  ...process.env,
  DATABASE_URL: database!.url,
  PORT: String(port),
  HOOKLINE_DATA_DIR: settings.HOOKLINE_DATA_DIR,
  HOOKLINE_PUBLIC_URL: publicUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? publicUrl,
  HOOKLINE_SUPERVISED: "1",
};

function superviseNode(
  name: string,
  args: string[],
  graceMs: number,
  env: () => Record<string, string | undefined> = () => ({}),
): void {
  supervisor.add({
    name,
    start: async () =>
      runChild(
        spawn(process.execPath, args, {
          cwd: root,
          stdio: "inherit",
          env: { ...childEnv, HOOKLINE_PROCESS: name, ...env() },
        }),
        graceMs,
      ),
  });
}

// Our server around Next's handler (server/web-server.ts: the publish fast path); with --dev,
// Next in development mode, so that development runs the code production runs.
superviseNode(
  "web",
  ["--conditions=react-server", "--import", "tsx", path.join(root, "server/web-server.ts"), ...(dev ? ["--dev"] : [])],
  15_000, // the web server finishes its requests within 10 s
);
const workerArgs = ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/worker.ts")];
for (let index = 1; index <= settings.HOOKLINE_WORKERS; index++) {
  // Each run gets its id from us. A run that follows another (which can only have died: a
  // stopped service is not started again) is told the ids of the runs that died within the last
  // lease period, to take their deliveries back at once; all of them, since a run killed while
  // starting never took back its own predecessor's.
  let current: string | undefined;
  let dead: Array<{ id: string; at: number }> = [];
  superviseNode(
    settings.HOOKLINE_WORKERS === 1 ? "worker" : `worker-${index}`,
    workerArgs,
    settings.HOOKLINE_WORKER_SHUTDOWN_GRACE_MS + 5_000,
    () => {
      if (current) dead.push({ id: current, at: Date.now() });
      dead = dead.filter((run) => Date.now() - run.at < settings.HOOKLINE_LEASE_MS);
      current = newId("worker");
      return {
        HOOKLINE_WORKER_ID: current,
        HOOKLINE_REPLACES_WORKER_IDS: dead.map((run) => run.id).join(",") || undefined,
      };
    },
  );
}

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

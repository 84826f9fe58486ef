// Owns the embedded PostgreSQL of one data directory (see server/embedded-database.ts).
// Started detached by whichever command needs the database first; stops the server when that
// command's pipe to our stdin closes (normal exit, crash or SIGKILL alike), once no other client
// is still connected, or on SIGTERM/SIGINT sent to it directly. When PostgreSQL itself dies
// (kill -9, OOM killer), it says so on stdout ({"exited": cause}) and exits 3: restarting is the
// job of whoever started it (`npm start` does, scripts/start.ts), on the same port.
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../server/embedded-postgres";
import { isAlive, readState, stateFile } from "../server/embedded-database";

const [dataDir, preferredPort] = [path.resolve(process.argv[2] ?? ".data"), Number(process.argv[3] ?? 54329)];
/** `--strict-port`: that port or fail (a restart, whose clients already have the URL). */
const strictPort = process.argv.includes("--strict-port");
const file = stateFile(dataDir);

/** Claim the data directory atomically; a live owner means we should attach instead. */
function claim(): boolean {
  mkdirSync(dataDir, { recursive: true });
  for (;;) {
    try {
      closeSync(openSync(file, "wx"));
      writeFileSync(file, JSON.stringify({ supervisorPid: process.pid }), { mode: 0o600 });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const state = readState(dataDir);
      if (state && isAlive(state.supervisorPid) && state.supervisorPid !== process.pid) return false;
      rmSync(file, { force: true }); // a dead supervisor's file (or one being written: retry)
    }
  }
}

/** Other processes (a worker started separately, a db:migrate) may still be using the server. */
async function waitForOtherClients(server: EmbeddedPostgres, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const client = new pg.Client({ connectionString: server.adminUrl });
  try {
    await client.connect();
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch {
    // the server is already unusable; stop it anyway
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (!claim()) {
  process.stdout.write(`${JSON.stringify({ attach: true })}\n`);
  process.exit(0);
}

const starting = startEmbeddedPostgres({
  dataDir: path.join(dataDir, "pg"),
  ...(strictPort ? { port: preferredPort } : { preferredPort }),
});
let stopping = false;
async function stop(waitForClients: boolean) {
  if (stopping) return;
  stopping = true;
  const server = await starting.catch(() => undefined);
  if (server && waitForClients) await waitForOtherClients(server, 30_000);
  await server?.stop();
  rmSync(file, { force: true });
  process.exit(0);
}

process.stdin.on("end", () => void stop(true));
process.stdin.on("error", () => void stop(true));
process.stdin.resume();
process.on("SIGTERM", () => void stop(false));
process.on("SIGINT", () => void stop(false));

try {
  const server = await starting;
  writeFileSync(file, JSON.stringify({ supervisorPid: process.pid, url: server.url }), { mode: 0o600 });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  void server.exited.then((cause) => {
    if (stopping) return;
    rmSync(file, { force: true });
    process.stdout.write(`${JSON.stringify({ exited: `PostgreSQL ${cause}` })}\n`, () => process.exit(3));
  });
} catch (error) {
  rmSync(file, { force: true });
  const message = error instanceof Error ? error.message : String(error);
  process.stdout.write(`${JSON.stringify({ error: message })}\n`, () => process.exit(1));
}

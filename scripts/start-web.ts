// npm run start:web – the web process alone, for deployments that run web and workers as
// separate processes against an external PostgreSQL (docs/DEPLOYMENT.md). Needs DATABASE_URL.
// Applies pending migrations first (safe when several instances start together: advisory
// lock), builds when no current build exists, then runs the web server (server/web-server.ts:
// Next's handler plus the publish fast path).
import { spawn } from "node:child_process";
import path from "node:path";
import { EnvError, parseEnv, type TEnv } from "../lib/env";
import { migrate } from "../server/migrate";
import { ensureBuild } from "../server/build";

const root = path.resolve(import.meta.dirname, "..");
const say = (line: string) => process.stdout.write(`[hookline web] ${line}\n`);

let settings: TEnv;
try {
  settings = parseEnv({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" });
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (!settings.DATABASE_URL) {
  process.stderr.write(
    "start:web needs DATABASE_URL (use `npm start` for everything on one machine with an embedded database)\n",
  );
  process.exit(1);
}
if (process.env.HOOKLINE_MIGRATE_ON_START !== "false") {
  const { applied } = await migrate(settings.DATABASE_URL, { log: say });
  say(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");
}
ensureBuild(root, say);

const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join(root, "server/web-server.ts")],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOOKLINE_PROCESS: "web",
      PORT: String(settings.PORT),
      HOOKLINE_HOST: settings.HOOKLINE_HOST,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? settings.HOOKLINE_PUBLIC_URL,
    },
  },
);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    stopping = true;
    child.kill(signal);
  });
// The server exits 0 on a forwarded SIGTERM/SIGINT; 143/130 (128 + signal) would also be a stop we asked for.
child.on("exit", (code, signal) =>
  process.exit(stopping && (signal || code === 143 || code === 130) ? 0 : (code ?? 1)),
);
say(`listening on ${settings.HOOKLINE_HOST}:${settings.PORT} (${settings.HOOKLINE_PUBLIC_URL})`);

// The web process (`npm run start:web`, `npm start`, and with `--dev` `npm run dev`): Next's
// request handler behind our own HTTP server, so that publishing with an API key takes the fast
// path of server/web-fast-path.ts, in development as in production. Without `--dev` it needs
// a build (start-web.ts and start.ts make sure of it); with it, Next compiles on demand and
// reloads on change. Started with `--conditions=react-server --import tsx`, like the worker,
// because the fast path loads the route handlers' sources directly.
// SIGTERM/SIGINT: stop accepting, finish the requests in flight (at most 10 s), exit 0.
import http from "node:http";
import path from "node:path";
import next from "next";
import { parseEnv } from "../lib/env";
import { startTracing, stopTracing } from "../lib/tracing/tracing";

const dev = process.argv.includes("--dev");
// `next start` and `next dev` set this themselves, a custom server must (lib/env's defaults, the
// SSRF guard among them, follow it). An explicit value is kept.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") });

const root = path.resolve(import.meta.dirname, "..");
const settings = parseEnv(process.env);
const port = settings.PORT;
const hostname = settings.HOOKLINE_HOST;
const origin = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;

// OpenTelemetry, when the OTEL_* variables ask for it (lib/tracing); before any request.
await startTracing("hookline-web");
const app = next({ dev, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
// Only now: the route handlers' modules need the globals Next sets up while preparing
// (its AsyncLocalStorage), and fail to load before.
const { fastRoute, serveFast } = await import("./web-fast-path");

const server = http.createServer((request, response) => {
  const route = fastRoute(request);
  if (route) void serveFast(route, request, response, origin);
  else void handle(request, response);
});
server.listen(port, hostname, () => process.stdout.write(`web: listening on ${origin}\n`));

const STOP_GRACE_MS = 10_000;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => void stopTracing().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  });

// Every setting Hookline reads, validated once with zod. Defaults are chosen so that a laptop
// needs none of them; README.md lists them all. An invalid value stops start-up with a message
// naming the variable (see formatEnvError).
import path from "node:path";
import { z } from "zod";
import { DEFAULT_RETRY_SCHEDULE, parseRetrySchedule } from "@/lib/queue/retry-policy";
import { zId } from "@/lib/schemas/common";
import { dropProcessState, processState } from "@/lib/process-state";
import { isOrigin } from "@/lib/schemas/portal";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInt = z.coerce.number().int().positive();

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** PostgreSQL connection string; when unset, `npm start` runs an embedded PostgreSQL. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_POOL_SIZE: positiveInt.max(1000).default(10),
    /** A read replica (optional): the dashboard API's reads (GET) go there, except right after the same session's change. */
    HOOKLINE_DATABASE_READ_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    HOOKLINE_DATA_DIR: z.string().min(1).default(".data"),
    HOOKLINE_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOOKLINE_HOST: z.string().min(1).default("127.0.0.1"),
    /** The URL users reach the dashboard at (used in links and by next-auth). */
    HOOKLINE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Send webhooks to loopback and private networks (SSRF guard off). Default: on outside production. */
    HOOKLINE_ALLOW_PRIVATE_NETWORKS: booleanString.optional(),
    /** Accepted as a platform-wide API key, to wire a platform up without a browser. */
    HOOKLINE_ADMIN_API_KEY: z.string().min(16, "must be at least 16 characters").optional(),
    /** 32 bytes (base64 or hex) encrypting secrets at rest; generated into the data dir when unset. */
    HOOKLINE_ENCRYPTION_KEY: z.string().optional(),
    /** Comma-separated keys retired by `npm run keys:rotate`, still read but never written with. */
    HOOKLINE_ENCRYPTION_PREVIOUS_KEYS: z.string().optional(),
    /** An HTTP CONNECT proxy (http:// or https://, credentials allowed) for every try and token request. */
    HOOKLINE_EGRESS_PROXY: z.url({ protocol: /^https?$/ }).optional(),
    /** Refuse endpoint URLs that are not https. */
    HOOKLINE_REQUIRE_HTTPS: booleanString.default(false),
    HOOKLINE_MAX_PAYLOAD_BYTES: positiveInt.default(256 * 1024),
    HOOKLINE_IDEMPOTENCY_WINDOW_MS: positiveInt.default(24 * 3_600_000),
    /** Delays after each failed try, e.g. 5s,5m,30m,2h,5h,10h,10h (units ms, s, m, h). */
    HOOKLINE_RETRY_SCHEDULE: z
      .string()
      .default(DEFAULT_RETRY_SCHEDULE)
      .refine(isRetrySchedule, "must look like 5s,5m,30m,2h (units ms, s, m, h)"),
    HOOKLINE_REQUEST_TIMEOUT_MS: positiveInt.default(15_000),
    HOOKLINE_CONNECT_TIMEOUT_MS: positiveInt.default(5_000),
    HOOKLINE_RESPONSE_BODY_LIMIT: positiveInt.default(4_096),
    /** How long a rotated-out signing secret keeps signing alongside the new one. */
    HOOKLINE_SECRET_OVERLAP_MS: positiveInt.default(24 * 3_600_000),
    /** The `iss` of receiver JWTs; HOOKLINE_PUBLIC_URL when unset. */
    HOOKLINE_JWT_ISSUER: z.string().min(1).optional(),
    /** How long `npm run keys:rotate-jwt` keeps the old receiver-JWT keys published. */
    HOOKLINE_JWT_KEY_GRACE_MS: positiveInt.default(24 * 3_600_000),
    /** Disable an endpoint that has had no success for this long and at least N failures. */
    HOOKLINE_AUTO_DISABLE_AFTER_MS: positiveInt.default(5 * 24 * 3_600_000),
    HOOKLINE_AUTO_DISABLE_MIN_FAILURES: positiveInt.default(3),
    /** An endpoint's failure incident resolves by itself after this many successes in a row. */
    HOOKLINE_INCIDENT_RESOLVE_AFTER: positiveInt.max(1_000).default(3),
    /** Health alerts: success rate this many percentage points under the endpoint's 7-day baseline for the hour. */
    HOOKLINE_ALERT_SUCCESS_RATE_MARGIN: z.coerce.number().min(1).max(100).default(20),
    /** Health alerts: p95 latency this many times its 7-day baseline for the hour. */
    HOOKLINE_ALERT_LATENCY_FACTOR: z.coerce.number().min(1.1).max(100).default(2),
    /** Health alerts: an endpoint's due backlog growing for this many minutes. */
    HOOKLINE_ALERT_BACKLOG_MINUTES: positiveInt.max(1_440).default(15),
    /** Worker processes `npm start` runs (and restarts when one dies). */
    HOOKLINE_WORKERS: positiveInt.max(64).default(1),
    /** Set by `npm start` for each worker it runs (otherwise a worker makes up its own id). */
    HOOKLINE_WORKER_ID: zId("worker").optional(),
    /**
     * Set by `npm start` when it restarts a worker that died: the ids of this worker slot's runs
     * that died within the last lease period (comma-separated; a run killed while starting never
     * got to take back its own predecessor's rows). Their supervisor saw them exit, so nothing can
     * still be sending their deliveries: the new worker returns them to the queue at once
     * instead of waiting for their leases to run out.
     */
    HOOKLINE_REPLACES_WORKER_IDS: z
      .string()
      .transform((value) => value.split(",").filter(Boolean))
      .pipe(z.array(zId("worker")))
      .optional(),
    /** Concurrent HTTP requests per worker process. */
    HOOKLINE_WORKER_CONCURRENCY: positiveInt.max(10_000).default(64),
    /** Concurrent requests per endpoint per worker, unless the endpoint sets its own. */
    HOOKLINE_ENDPOINT_CONCURRENCY: positiveInt.max(1_000).default(8),
    /** Rows claimed per query. */
    HOOKLINE_CLAIM_BATCH: positiveInt.max(5_000).default(256),
    /** How long a claimed delivery belongs to its worker before others may take it back. */
    HOOKLINE_LEASE_MS: positiveInt.default(60_000),
    /** Long polls of polling endpoints (GET /api/v1/poll/{token}?wait=…) waiting at once per web process. */
    HOOKLINE_MAX_LONG_POLLS: positiveInt.max(100_000).default(1_000),
    /** Longest wait between looks for due deliveries when no notification arrives. */
    HOOKLINE_POLL_INTERVAL_MS: positiveInt.max(60_000).default(1_000),
    /** Per-minute statistics are kept this long (messages follow each tenant's retention). */
    HOOKLINE_STATS_RETENTION_DAYS: positiveInt.default(400),
    /** How often a worker runs the retention purge (one worker at a time). */
    HOOKLINE_RETENTION_INTERVAL_MS: positiveInt.default(60_000),
    /** Days per partition of messages, deliveries and attempts (lib/database/partitions.ts). */
    HOOKLINE_PARTITION_DAYS: positiveInt.max(31).default(1),
    /** How far ahead of today the worker's maintenance keeps those partitions created. */
    HOOKLINE_PARTITIONS_AHEAD_DAYS: positiveInt.max(366).default(3),
    /** Port of the worker's own /metrics (Prometheus); unset: no metrics server in the worker. */
    HOOKLINE_WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** Bearer token required by /metrics on web and worker; unset: open. */
    HOOKLINE_METRICS_TOKEN: z.string().min(8).optional(),
    HOOKLINE_WORKER_HEARTBEAT_MS: positiveInt.default(5_000),
    HOOKLINE_WORKER_SHUTDOWN_GRACE_MS: positiveInt.default(30_000),
    /** API requests per second per tenant API key (bursts of twice that), per web process; 0 turns it off. */
    HOOKLINE_API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(100),
    /**
     * The same for platform-wide keys (HOOKLINE_ADMIN_API_KEY included); unset or 0: unlimited, since
     * a platform publishes every tenant's events with its one key.
     */
    HOOKLINE_PLATFORM_API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).optional(),
    /** Sign-in attempts per minute per account and client address, across all processes. */
    /** Signs dashboard sessions (next-auth); generated into the data directory when unset. */
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** How long a dashboard session lasts without signing in again. */
    HOOKLINE_SESSION_MAX_AGE_S: positiveInt.default(7 * 24 * 3_600),
    HOOKLINE_LOGIN_RATE_LIMIT: positiveInt.max(10_000).default(10),
    /**
     * Who may create an account after the first one (the operator): `open` anyone who reaches the
     * instance, `invite` only someone holding an invite link, `closed` nobody.
     */
    HOOKLINE_REGISTRATION: z.enum(["open", "invite", "closed"]).default("invite"),
    /**
     * Session cookies: `auto` makes them SameSite=None; Secure; Partitioned wherever a Secure cookie
     * works (an https public URL, or loopback), so an embedded portal keeps its session; `lax`
     * keeps them SameSite=Lax everywhere (no embedding), for browsers that refuse Secure cookies
     * on http://localhost.
     */
    HOOKLINE_SESSION_COOKIES: z.enum(["auto", "lax"]).default("auto"),
    /** How long a portal session (opened with a portal link) lasts; at most 12 hours. */
    HOOKLINE_PORTAL_SESSION_MAX_AGE_S: positiveInt.max(12 * 3_600).default(12 * 3_600),
    /** Origins (comma-separated) allowed to embed the portal in an iframe, for every tenant. */
    HOOKLINE_PORTAL_ALLOWED_ORIGINS: z
      .string()
      .default("")
      .refine(isOriginList, "must be comma-separated origins like https://app.example.com"),
    /** Show "Powered by Hookline" under portal pages. */
    HOOKLINE_PORTAL_POWERED_BY: booleanString.default(true),
    /** Global portal theme; a tenant's own portal settings take precedence. */
    HOOKLINE_PORTAL_BRAND_NAME: z.string().min(1).max(80).optional(),
    HOOKLINE_PORTAL_LOGO_URL: z.url({ protocol: /^https?$/ }).optional(),
    HOOKLINE_PORTAL_PRIMARY_COLOR: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #2756e0")
      .optional(),
    HOOKLINE_PORTAL_THEME: z.enum(["light", "dark"]).default("light"),
  })
  .transform((env) => ({
    ...env,
    HOOKLINE_DATA_DIR: path.resolve(env.HOOKLINE_DATA_DIR),
    HOOKLINE_PUBLIC_URL: env.HOOKLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    HOOKLINE_JWT_ISSUER: env.HOOKLINE_JWT_ISSUER ?? env.HOOKLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    HOOKLINE_ALLOW_PRIVATE_NETWORKS: env.HOOKLINE_ALLOW_PRIVATE_NETWORKS ?? env.NODE_ENV !== "production",
  }));

/** Parsed HOOKLINE_PORTAL_ALLOWED_ORIGINS. */
export function parseOriginList(value: string): string[] {
  return value
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}

function isOriginList(value: string): boolean {
  return parseOriginList(value).every(isOrigin);
}

function isRetrySchedule(value: string): boolean {
  try {
    parseRetrySchedule(value);
    return true;
  } catch {
    return false;
  }
}

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {}

/** Turns zod issues into one line per variable: `PORT: Too big: expected number to be <=65535`. */
export function formatEnvError(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  return `Invalid configuration:\n${lines.join("\n")}`;
}

/** Parses a set of variables (process.env by default); throws EnvError naming each bad one. */
export function parseEnv(source: Record<string, string | undefined> = process.env): TEnv {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) throw new EnvError(formatEnvError(result.error));
  return result.data;
}

/** The process's settings, parsed on first use and then reused. */
export function env(): TEnv {
  return processState("env", () => parseEnv());
}

/** Forgets the parsed settings, so the next env() reads process.env again (scripts that set
 *  DATABASE_URL after start-up, tests that change variables between cases). */
export function reloadEnv(): void {
  dropProcessState("env");
}

/** The same as reloadEnv (the name the tests grew up with). */
export const resetEnvForTests = reloadEnv;

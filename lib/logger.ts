// One pino logger per process. JSON lines for machines; human-readable lines when a person is
// watching a terminal (LOG_FORMAT=pretty, the default when stdout is a TTY).
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

function createLogger(): Logger {
  const level = process.env.LOG_LEVEL ?? "info";
  const format = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json");
  const base = { process: process.env.HOOKLINE_PROCESS ?? "hookline" };
  // Never let a secret reach a log line, even when someone logs a whole object.
  const redact = {
    paths: ["password", "secret", "apiKey", "authorization", "*.password", "*.secret", "*.apiKey", "*.authorization", "headers.authorization"],
    censor: "[redacted]",
  };
  if (format === "pretty") {
    return pino({ level, base, redact }, pretty({ colorize: true, sync: true, ignore: "pid,hostname", messageKey: "msg" }));
  }
  return pino({ level, base, redact });
}

const globalForLogger = globalThis as unknown as { hooklineLogger?: Logger };

/** The process-wide logger (one instance even when Next.js reloads modules in development). */
export const logger: Logger = (globalForLogger.hooklineLogger ??= createLogger());

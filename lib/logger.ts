// One pino logger per process. JSON lines for machines; human-readable lines when a person is
// watching a terminal (LOG_FORMAT=pretty, the default when stdout is a TTY).
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { processState } from "@/lib/process-state";

/**
 * Fields added to every line logged while handling one request (its request id). One store per
 * process (lib/process-state.ts), or the logger would not see the other copy of lib/'s request ids.
 */
const requestFields = processState("logger.requestFields", () => new AsyncLocalStorage<Record<string, string>>());

/** Runs `work` with `fields` on every log line it causes, however deep in lib/ the line is. */
export function withLogFields<T>(fields: Record<string, string>, work: () => T): T {
  return requestFields.run(fields, work);
}

function createLogger(): Logger {
  const level = process.env.LOG_LEVEL ?? "info";
  const format = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json");
  const base = { process: process.env.HOOKLINE_PROCESS ?? "hookline" };
  // Never let a secret reach a log line, even when someone logs a whole object.
  const redact = {
    paths: [
      "password",
      "secret",
      "apiKey",
      "key",
      "token",
      "authorization",
      "*.password",
      "*.secret",
      "*.apiKey",
      "*.token",
      "*.authorization",
      "headers.authorization",
      "headers.cookie",
    ],
    censor: "[redacted]",
  };
  const mixin = () => requestFields.getStore() ?? {};
  if (format === "pretty") {
    return pino(
      { level, base, redact, mixin },
      pretty({ colorize: true, sync: true, ignore: "pid,hostname", messageKey: "msg" }),
    );
  }
  return pino({ level, base, redact, mixin });
}

/** The process-wide logger (one instance even when Next.js reloads modules in development). */
export const logger: Logger = processState("logger", createLogger);

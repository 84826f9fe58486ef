import "server-only";
import { AppError } from "@/lib/errors";

/** What only a pushed delivery uses, as the create and update bodies carry it. */
export interface PushOnlyFields {
  url?: string | undefined;
  headers?: Record<string, string> | undefined;
  auth?: unknown;
  rateLimit?: number | null | undefined;
  maxConcurrency?: number | null | undefined;
  timeoutMs?: number | null | undefined;
  transformation?: unknown;
  clientCertificate?: unknown;
  caCertificate?: string | null | undefined;
  proxyUrl?: string | null | undefined;
}

const REASON = "is not used by a polling endpoint: its consumer fetches the messages";

/**
 * A polling endpoint is never sent to, so what shapes a request (its URL, receiver
 * authentication, custom headers, rate, concurrency, timeout, transformation, client
 * certificate, CA, proxy) would be stored and silently ignored: refused instead, each field
 * named. Empty values (no headers, null, the server's default proxy) are what "none" looks like
 * and pass.
 */
export function refusePushOnlyFields(fields: PushOnlyFields): void {
  const given: string[] = [];
  if (fields.url) given.push("url");
  if (fields.headers && Object.keys(fields.headers).length) given.push("headers");
  for (const key of [
    "auth",
    "rateLimit",
    "maxConcurrency",
    "timeoutMs",
    "transformation",
    "clientCertificate",
    "caCertificate",
  ] as const) {
    if (fields[key] !== undefined && fields[key] !== null) given.push(key);
  }
  if (typeof fields.proxyUrl === "string" && fields.proxyUrl !== "default") given.push("proxyUrl");
  if (!given.length) return;
  const errors = given.map((path) => ({
    path,
    message:
      path === "url" ? "A polling endpoint has no URL: its consumer fetches the messages." : `${path} ${REASON}.`,
  }));
  throw new AppError("validation_failed", errors[0]!.message, errors);
}

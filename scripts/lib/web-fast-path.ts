// The ingest fast path of the production web server (scripts/web-server.ts). Publishing is the
// one hot request of the API: a platform posting its events, hundreds a second. Through Next's
// router each request costs ~2 ms of CPU before our handler runs (routing, request/response
// objects, web streams; measured in docs/BENCHMARKS.md), more than the publish itself. So a
// POST to the two publish routes that carries an Authorization header goes straight to the
// SAME exported route handler Next would call (app/api/…/messages/route.ts and …/batch/route.ts:
// authentication, rate limit, validation, metrics, logging and errors are all theirs), with a
// NextRequest built here; everything else, and a session-cookie publish from the dashboard
// (which needs Next's request context), goes to Next.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import * as publishBatch from "../../app/api/v1/tenants/[tenant]/messages/batch/route";
import * as publishOne from "../../app/api/v1/tenants/[tenant]/messages/route";
import { logger } from "../../lib/logger";
import { STATIC_SECURITY_HEADERS } from "../../lib/security/content-security-policy";

type RouteHandler = (request: NextRequest, context: { params: Promise<{ tenant: string }> }) => Promise<Response>;

const ROUTES: ReadonlyArray<{ path: RegExp; handler: RouteHandler }> = [
  { path: /^\/api\/v1\/tenants\/([^/]+)\/messages$/, handler: publishOne.POST },
  { path: /^\/api\/v1\/tenants\/([^/]+)\/messages\/batch$/, handler: publishBatch.POST },
];

export interface FastRoute {
  handler: RouteHandler;
  tenant: string;
}

/** The fast route for this request, or null when Next should answer it. */
export function fastRoute(request: IncomingMessage): FastRoute | null {
  if (request.method !== "POST" || !request.headers.authorization || !request.url) return null;
  const query = request.url.indexOf("?");
  const pathname = query === -1 ? request.url : request.url.slice(0, query);
  for (const route of ROUTES) {
    const match = route.path.exec(pathname);
    if (!match) continue;
    try {
      return { handler: route.handler, tenant: decodeURIComponent(match[1]!) };
    } catch {
      return null; // a malformed escape: Next answers it as it answers any other
    }
  }
  return null;
}

function requestHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

/** Answers `request` with the route's handler; `origin` is this server's own (http://host:port). */
export async function serveFast(
  route: FastRoute,
  request: IncomingMessage,
  response: ServerResponse,
  origin: string,
): Promise<void> {
  try {
    const nextRequest = new NextRequest(new URL(request.url!, origin), {
      method: "POST",
      headers: requestHeaders(request),
      body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
      duplex: "half",
    });
    const answer = await route.handler(nextRequest, { params: Promise.resolve({ tenant: route.tenant }) });
    const body = Buffer.from(await answer.arrayBuffer());
    response.statusCode = answer.status;
    for (const { key, value } of STATIC_SECURITY_HEADERS) response.setHeader(key, value);
    answer.headers.forEach((value, name) => response.setHeader(name, value));
    response.setHeader("content-length", body.byteLength);
    // A body refused before it was read in full (413) is not drained: close the connection.
    if (!request.complete) response.setHeader("connection", "close");
    response.end(body);
  } catch (error) {
    // The handlers map every error to a response themselves; this is the plumbing failing.
    logger.error({ err: error }, "fast path failed");
    if (!response.headersSent) {
      response.statusCode = 500;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side." } }));
    } else response.destroy();
  }
}

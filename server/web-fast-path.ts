// The ingest fast path of the production web server (server/web-server.ts). Publishing is the
// one hot request of the API: a platform posting its events, hundreds a second. Through Next's
// router each request costs ~2 ms of CPU before our handler runs (routing, request/response
// objects, web streams; measured in docs/BENCHMARKS.md), more than the publish itself. So a
// request for one of the operations below that carries an Authorization header goes straight
// to the SAME exported route handler Next would call (authentication, rate limit, validation,
// metrics, logging and errors are all its), with a NextRequest built here; everything else,
// and a session-cookie publish from the dashboard (which needs Next's request context), goes
// to Next. The URL pattern and method of each come from the handler's catalog entry.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import * as publishBatch from "../app/api/v1/tenants/[tenant]/messages/batch/route";
import * as publishOne from "../app/api/v1/tenants/[tenant]/messages/route";
import { handleApiError } from "../lib/api/handle-api-error";
import type { OperationRoute } from "../lib/api/route";
import { requestIdOf } from "../lib/api/with-auth";
import { STATIC_SECURITY_HEADERS } from "../lib/security/content-security-policy";

const FAST_HANDLERS: OperationRoute[] = [publishOne.POST, publishBatch.POST];

interface FastEntry {
  method: string;
  path: RegExp;
  paramNames: string[];
  handler: OperationRoute;
}

/** `/tenants/{tenant}/messages` → a pattern for `/api/v1/tenants/<tenant>/messages` and its param names. */
function fastEntry(handler: OperationRoute): FastEntry {
  const { method, path } = handler.operation;
  const paramNames = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const pattern = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "([^/]+)");
  return { method: method.toUpperCase(), path: new RegExp(`^/api/v1${pattern}$`), paramNames, handler };
}

const ROUTES: readonly FastEntry[] = FAST_HANDLERS.map(fastEntry);

export interface FastRoute {
  handler: OperationRoute;
  params: Record<string, string>;
}

/** The fast route for this request, or null when Next should answer it. */
export function fastRoute(request: IncomingMessage): FastRoute | null {
  if (!request.headers.authorization || !request.url) return null;
  const query = request.url.indexOf("?");
  const pathname = query === -1 ? request.url : request.url.slice(0, query);
  for (const route of ROUTES) {
    if (route.method !== request.method) continue;
    const match = route.path.exec(pathname);
    if (!match) continue;
    try {
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1]!)));
      return { handler: route.handler, params };
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

async function send(answer: Response, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  response.statusCode = answer.status;
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.setHeader(key, value);
  answer.headers.forEach((value, name) => response.setHeader(name, value));
  response.setHeader("content-length", body.byteLength);
  // A body refused before it was read in full (413) is not drained: close the connection.
  if (!request.complete) response.setHeader("connection", "close");
  response.end(body);
}

/** Answers `request` with the route's handler; `origin` is this server's own (http://host:port). */
export async function serveFast(
  route: FastRoute,
  request: IncomingMessage,
  response: ServerResponse,
  origin: string,
): Promise<void> {
  const headers = requestHeaders(request);
  // The handler and the fallback below answer with the same request id.
  const requestId = requestIdOf({ headers });
  headers.set("x-request-id", requestId);
  try {
    const nextRequest = new NextRequest(new URL(request.url!, origin), {
      method: request.method,
      headers,
      body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
      duplex: "half",
    });
    await send(await route.handler(nextRequest, { params: Promise.resolve(route.params) }), request, response);
  } catch (error) {
    // The handlers map their own errors to answers; this is the plumbing failing, answered by
    // the same error mapper (it logs the error with the request id).
    if (response.headersSent) return void response.destroy();
    const answer = handleApiError(error, requestId);
    answer.headers.set("x-request-id", requestId);
    await send(answer, request, response).catch(() => response.destroy());
  }
}

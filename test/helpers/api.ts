// Calls a Next.js route handler directly, as the server would: a real Request in, a real
// Response out. Faster than HTTP and exercises the same code (auth wrapper, parsing, mapper).
import { NextRequest } from "next/server";

type Handler<Params> = (request: NextRequest, context: { params: Promise<Params> }) => Promise<Response>;

export interface CallOptions<Params> {
  params: Params;
  key?: string | null;
  body?: unknown;
  /** Sent verbatim (for malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
  method?: string;
  query?: Record<string, string>;
  /** The request's path (route handlers ignore it; metrics and logs label by it). */
  path?: string;
}

export async function callRoute<Params>(
  handler: Handler<Params>,
  options: CallOptions<Params>,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const url = new URL(options.path ?? "/api/v1/test", "http://hookline.test");
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new NextRequest(url, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers: response.headers };
}

// One HTTP try of one webhook: sign, POST, read at most `responseBodyLimit` bytes of the answer,
// and describe what happened. It never throws for anything the receiver or the network does;
// every failure becomes an `errorKind` on the result, so the caller records an attempt either way.
// Redirects are not followed (undici's request() does not, without an interceptor): a 3xx is
// the answer, recorded as such.
import "server-only";
import { EventEmitter } from "node:events";
import { util as undiciUtil, type Dispatcher } from "undici";
import type { TEndpointAuth } from "@/lib/schemas/endpoints";
import { buildWebhookHeaders } from "@/lib/signing";
import { processState } from "@/lib/process-state";
import { HOOKLINE_VERSION } from "@/lib/version";
import { classifyRequestError, type RequestErrorKind } from "./classify-request-error";
import { maskRequestHeaders } from "./mask-headers";
import { authHeaderName, authorizationFor, forgetOAuthToken } from "./receiver-auth";

export interface WebhookRequest {
  tenantId: string;
  endpointId: string;
  url: string;
  messageId: string;
  /** The exact body to send and sign (the envelope, or the transformation's result). */
  body: string;
  /** Signing secrets, current first (two during a rotation's overlap). */
  secrets: string[];
  /** The endpoint's custom headers (masked in the stored attempt: they may hold credentials). */
  headers: Record<string, string>;
  /** Headers the endpoint's transformation computed from the message (stored as sent). */
  transformedHeaders?: Record<string, string>;
  /** W3C `traceparent`/`tracestate` of the message's trace (stored as sent). */
  traceHeaders?: Record<string, string>;
  auth: TEndpointAuth | null;
  timeoutMs: number;
  responseBodyLimit: number;
  dispatcher: Dispatcher;
  /** Our own cancellation (worker shutdown), as opposed to the receiver's failure. */
  signal?: AbortSignal;
}

export interface WebhookResponse {
  startedAt: Date;
  durationMs: number;
  status: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  errorKind: RequestErrorKind | null;
  errorMessage: string | null;
  /** What was sent, with credentials and signatures masked: safe to store and show. */
  requestHeaders: Record<string, string>;
  retryAfter: string | null;
  abortHeader: string | null;
  /** Cancelled through `signal`: nothing about the receiver is known. */
  cancelled: boolean;
  /** Nothing was sent: the endpoint's transformation gave no result for this message. */
  skipped?: boolean;
}

/**
 * A response of which only `fields` are known: a try that sent nothing (skipped, or failed before
 * the request), or a polled delivery's acknowledgement.
 */
export function responseOf(fields: Partial<WebhookResponse>): WebhookResponse {
  return {
    startedAt: new Date(),
    durationMs: 0,
    status: null,
    responseHeaders: null,
    responseBody: null,
    errorKind: null,
    errorMessage: null,
    requestHeaders: {},
    retryAfter: null,
    abortHeader: null,
    cancelled: false,
    ...fields,
  };
}

const MAX_STORED_HEADERS = 50;
const MAX_HEADER_VALUE = 1_000;

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers).slice(0, MAX_STORED_HEADERS)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = (Array.isArray(value) ? value.join(", ") : value).slice(0, MAX_HEADER_VALUE);
  }
  return out;
}

/** The tries listening to each cancellation signal: one listener on the signal, not one per try. */
const cancellable = () =>
  processState("sending.cancellable-tries", () => new WeakMap<AbortSignal, Set<RequestAbort>>());

/**
 * One try's abort: its deadline and the caller's cancellation as one EventEmitter with
 * `aborted`/`reason` (which undici's `request()` also takes as its `signal`, for an OAuth token
 * fetch). An `AbortSignal.timeout` plus an `AbortSignal.any` per request cost the worker more
 * (event targets, weak references, and a 30 s timer left running after every answer). The timer
 * is cleared as soon as the try is over.
 */
export class RequestAbort extends EventEmitter {
  aborted = false;
  timedOut = false;
  reason: Error | undefined;
  /** The POST in progress, aborted directly (no listener per request). */
  post: PostHandler | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly tries: Set<RequestAbort> | undefined;

  constructor(timeoutMs: number, cancel?: AbortSignal) {
    super();
    this.timer = setTimeout(abortOnTimeout, timeoutMs, this);
    if (cancel?.aborted) this.abort(false);
    else if (cancel) {
      let tries = cancellable().get(cancel);
      if (!tries) {
        const all = (tries = new Set());
        cancellable().set(cancel, all);
        cancel.addEventListener("abort", () => [...all].forEach((one) => one.abort(false)), { once: true });
      }
      tries.add(this);
      this.tries = tries;
    }
  }

  abort(timedOut: boolean): void {
    if (this.aborted) return;
    this.aborted = true;
    this.timedOut = timedOut;
    this.reason = timedOut
      ? new DOMException("The operation was aborted due to timeout", "TimeoutError")
      : new DOMException("This operation was aborted", "AbortError");
    this.post?.abortRequest(this.reason);
    this.emit("abort");
  }

  /** The try is over: stop the clock and stop listening to the caller. */
  dispose(): void {
    clearTimeout(this.timer);
    this.tries?.delete(this);
  }
}

function abortOnTimeout(signal: RequestAbort): void {
  signal.abort(true);
}

/** The answer of one POST: status, headers as undici parses them, and at most `limit` bytes of the body. */
interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One POST's handler for the dispatcher: the status and headers, then at most `limit` bytes of
 * the body, dropping the connection rather than download the rest (undici's `request()` wraps
 * every answer in a Readable stream and an async resource, which cost the worker more than the
 * HTTP exchange itself for the short answers receivers give). Redirects are not followed. A body
 * that stalls or breaks after the status arrived does not change the outcome: what came of it is
 * the answer. A class, not closures: a try creates one object instead of a closure per callback.
 */
class PostHandler implements Dispatcher.DispatchHandler {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private statusCode = 0;
  private headers: Answer["headers"] = {};
  private abort: ((reason: Error) => void) | undefined;
  private settled = false;

  constructor(
    private readonly signal: RequestAbort,
    private readonly limit: number,
    private readonly resolve: (answer: Answer) => void,
    private readonly reject: (error: Error) => void,
  ) {
    signal.post = this;
  }

  abortRequest(reason: Error): void {
    this.abort?.(reason);
  }

  onConnect(abort: (reason?: Error) => void): void {
    // Called when the request is handed to a connection; a try that ran out of time or was
    // cancelled while it queued is aborted here.
    if (this.signal.aborted) abort(this.signal.reason);
    else this.abort = abort;
  }

  onHeaders(status: number, rawHeaders: Buffer[]): boolean {
    if (status < 200) return true; // 1xx: informational, the answer is still to come
    this.statusCode = status;
    this.headers = undiciUtil.parseHeaders(rawHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size < this.limit) return true;
    this.settle();
    // Paused (false), then dropped outside the parser's callback.
    queueMicrotask(this.dropAfterLimit);
    return false;
  }

  private readonly dropAfterLimit = () => this.abort?.(new Error("response body limit reached"));

  onComplete(): void {
    this.settle();
  }

  onError(error: Error): void {
    if (this.statusCode) this.settle();
    else this.settle(error);
  }

  private settle(error?: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.signal.post = undefined;
    if (error) return this.reject(error);
    const { size, chunks, limit } = this;
    const body = size === 0 ? "" : Buffer.concat(chunks, size).subarray(0, limit).toString("utf8");
    this.resolve({ statusCode: this.statusCode, headers: this.headers, body });
  }
}

function dispatchPost(
  input: WebhookRequest,
  headers: Record<string, string>,
  signal: RequestAbort,
  limit: number,
): Promise<Answer> {
  const url = new URL(input.url);
  return new Promise<Answer>((resolve, reject) => {
    const handler = new PostHandler(signal, limit, resolve, reject);
    input.dispatcher.dispatch(
      {
        origin: url.origin,
        path: url.search ? `${url.pathname}${url.search}` : url.pathname,
        method: "POST",
        headers,
        body: input.body,
      },
      handler,
    );
  });
}

async function post(input: WebhookRequest, signal: RequestAbort, forceNewToken: boolean) {
  const timestamp = new Date();
  const signed = buildWebhookHeaders({ msgId: input.messageId, timestamp, body: input.body, secrets: input.secrets });
  const authorization = await authorizationFor(
    input.endpointId,
    input.auth,
    { tenantId: input.tenantId, url: input.url, body: input.body },
    input.dispatcher,
    signal,
    forceNewToken,
  );
  const headers: Record<string, string> = {
    ...input.headers,
    ...input.transformedHeaders,
    ...input.traceHeaders,
    "content-type": "application/json",
    "user-agent": `Hookline/${HOOKLINE_VERSION}`,
    ...signed,
    ...(authorization ? { [authHeaderName(input.auth)]: authorization } : {}),
  };
  const answer = await dispatchPost(input, headers, signal, input.responseBodyLimit);
  return { answer, headers };
}

export async function sendWebhook(input: WebhookRequest): Promise<WebhookResponse> {
  const startedAt = new Date();
  const started = performance.now();
  const signal = new RequestAbort(input.timeoutMs, input.signal);
  let sentHeaders: Record<string, string> = {};
  const finish = (fields: Partial<WebhookResponse>): WebhookResponse => ({
    startedAt,
    durationMs: Math.round(performance.now() - started),
    status: null,
    responseHeaders: null,
    responseBody: null,
    errorKind: null,
    errorMessage: null,
    requestHeaders: maskRequestHeaders(sentHeaders, [...Object.keys(input.headers), authHeaderName(input.auth)]),
    retryAfter: null,
    abortHeader: null,
    cancelled: false,
    ...fields,
  });

  try {
    let { answer, headers } = await post(input, signal, false);
    sentHeaders = headers;
    // An OAuth2 token can be revoked before it expires: on 401, fetch a new one and try once more.
    if (answer.statusCode === 401 && input.auth?.type === "oauth2") {
      forgetOAuthToken(input.endpointId);
      ({ answer, headers } = await post(input, signal, true));
      sentHeaders = headers;
    }
    const responseHeaders = flattenHeaders(answer.headers);
    return finish({
      status: answer.statusCode,
      responseHeaders,
      responseBody: answer.body,
      retryAfter: responseHeaders["retry-after"] ?? null,
      abortHeader: responseHeaders["webhook-delivery"] ?? null,
    });
  } catch (error) {
    if (signal.aborted && !signal.timedOut)
      return finish({ cancelled: true, errorKind: "network", errorMessage: "cancelled" });
    const errorKind = signal.timedOut ? "timeout" : classifyRequestError(error);
    const message = errorKind === "timeout" ? `no complete answer within ${input.timeoutMs} ms` : describeError(error);
    return finish({ errorKind, errorMessage: message.slice(0, 1_000) });
  } finally {
    signal.dispose();
  }
}

/** The error's message, with its cause's when that says more ("other side closed: … alert …"). */
function describeError(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  const cause = (error as { cause?: { message?: unknown } })?.cause?.message;
  return typeof cause === "string" && cause && !message.includes(cause) ? `${message}: ${cause}` : message;
}

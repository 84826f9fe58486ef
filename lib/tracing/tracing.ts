// OpenTelemetry traces, off unless the standard variables ask for them (OTEL_EXPORTER_OTLP_ENDPOINT
// or OTEL_TRACES_EXPORTER other than "none"): then startTracing loads @opentelemetry/sdk-node,
// which configures itself from the OTEL_* variables only (OTLP over HTTP, http/protobuf by
// default or http/json). The SDK is imported lazily and every span site checks one boolean,
// `tracing().on`, first, so a process without tracing pays for neither.
// One trace per message: the publish span (continuing the publisher's traceparent), its fan-out,
// and a `deliver` span per try in the worker, parented through the context stored with the message.
import type { Span, SpanKind, Tracer } from "@opentelemetry/api";
import { processState } from "@/lib/process-state";
import { HOOKLINE_VERSION } from "@/lib/version";
import type { TraceContext } from "./trace-context";

type Api = typeof import("@opentelemetry/api");

interface TracingState {
  /** The one boolean the hot path reads. */
  on: boolean;
  api: Api | null;
  tracer: Tracer | null;
  shutdown: (() => Promise<void>) | null;
}

export const tracing = () =>
  processState<TracingState>("tracing.state", () => ({ on: false, api: null, tracer: null, shutdown: null }));

export function tracingConfigured(env: Record<string, string | undefined> = process.env): boolean {
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter) return exporter !== "none";
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Starts the SDK when configured; `serviceName` is OTEL_SERVICE_NAME's default. */
export async function startTracing(serviceName: string): Promise<boolean> {
  const state = tracing();
  if (state.on || !tracingConfigured()) return state.on;
  process.env.OTEL_SERVICE_NAME ||= serviceName;
  const [{ NodeSDK }, api] = await Promise.all([import("@opentelemetry/sdk-node"), import("@opentelemetry/api")]);
  // No automatic instrumentations: the spans are ours, on the message's path.
  const sdk = new NodeSDK({ instrumentations: [] });
  sdk.start();
  Object.assign(state, {
    on: true,
    api,
    tracer: api.trace.getTracer("hookline", HOOKLINE_VERSION),
    shutdown: () => sdk.shutdown(),
  });
  return true;
}

/** Flushes and stops the SDK (process shutdown, tests). */
export async function stopTracing(): Promise<void> {
  const state = tracing();
  const shutdown = state.shutdown;
  Object.assign(state, { on: false, api: null, tracer: null, shutdown: null });
  await shutdown?.();
}

export interface SpanOptions {
  kind: "server" | "client" | "internal";
  /** A stored or incoming W3C context to continue; the active span otherwise. */
  parent?: TraceContext | null;
  attributes?: Record<string, string | number | boolean>;
}

/**
 * Runs `work` inside a span (only call with tracing on). `work` gets the span and the span's own
 * W3C context, to store or send on.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span, context: TraceContext) => Promise<T>,
): Promise<T> {
  const { api, tracer } = tracing();
  if (!api || !tracer) throw new Error("inSpan called with tracing off");
  const kinds: Record<SpanOptions["kind"], SpanKind> = {
    server: api.SpanKind.SERVER,
    client: api.SpanKind.CLIENT,
    internal: api.SpanKind.INTERNAL,
  };
  const parent =
    options.parent !== undefined
      ? api.propagation.extract(api.ROOT_CONTEXT, {
          traceparent: options.parent?.traceparent,
          ...(options.parent?.tracestate ? { tracestate: options.parent.tracestate } : {}),
        })
      : api.context.active();
  const span = tracer.startSpan(name, { kind: kinds[options.kind], attributes: options.attributes }, parent);
  const active = api.trace.setSpan(parent, span);
  const carrier: Record<string, string> = {};
  api.propagation.inject(active, carrier);
  const own: TraceContext = { traceparent: carrier.traceparent ?? "", tracestate: carrier.tracestate ?? null };
  try {
    return await api.context.with(active, () => work(span, own));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: api.SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** The publish request's span (continuing `incoming`); `run` gets the context to store with the messages. */
export function tracePublish<T>(
  tenantId: string,
  incoming: TraceContext | null,
  run: (stored: TraceContext | null) => Promise<T>,
): Promise<T> {
  if (!tracing().on) return run(incoming);
  return inSpan(
    "publish",
    { kind: "server", parent: incoming, attributes: { "hookline.tenant.id": tenantId } },
    (_, own) => run(own),
  );
}

/** The fan-out span: messages and deliveries written, inside the publish span. */
export function traceFanOut(messages: number, write: () => Promise<Map<string, number>>): Promise<Map<string, number>> {
  if (!tracing().on) return write();
  return inSpan("fan-out", { kind: "internal", attributes: { "hookline.messages": messages } }, async (span) => {
    const counts = await write();
    span.setAttribute(
      "hookline.deliveries",
      [...counts.values()].reduce((sum, count) => sum + count, 0),
    );
    return counts;
  });
}

interface TriedResponse {
  status: number | null;
  errorKind: string | null;
}

/**
 * A try's `deliver` span (HTTP client semantic conventions), child of the message's stored
 * context; `send` gets the span's own context to send as traceparent.
 */
export function traceDeliver<R extends TriedResponse>(
  attempt: {
    url: string;
    trace: TraceContext | null;
    attemptNumber: number;
    endpointId: string;
    tenantId: string;
    messageId: string;
  },
  send: (context: TraceContext) => Promise<R>,
): Promise<R> {
  const url = new URL(attempt.url);
  const attributes = {
    "http.request.method": "POST",
    "url.full": `${url.origin}${url.pathname}`,
    "server.address": url.hostname,
    "server.port": Number(url.port || (url.protocol === "https:" ? 443 : 80)),
    "hookline.attempt.number": attempt.attemptNumber,
    "hookline.endpoint.id": attempt.endpointId,
    "hookline.tenant.id": attempt.tenantId,
    "hookline.message.id": attempt.messageId,
  };
  return inSpan("deliver", { kind: "client", parent: attempt.trace, attributes }, async (span, own) => {
    const response = await send(own);
    if (response.status !== null) span.setAttribute("http.response.status_code", response.status);
    const error =
      response.errorKind ?? (response.status !== null && response.status >= 400 ? String(response.status) : null);
    if (error) {
      span.setAttribute("error.type", error);
      span.setStatus({ code: tracing().api!.SpanStatusCode.ERROR });
    }
    return response;
  });
}

// W3C Trace Context (https://www.w3.org/TR/trace-context/): the `traceparent` a publisher sends
// with its publish is stored with the message and sent on every try of it (unless the endpoint
// turned `traceContext` off), so the receiver's trace joins the publisher's. A header that is not
// a valid traceparent is ignored, as the specification asks, never an error.

export interface TraceContext {
  traceparent: string;
  tracestate: string | null;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const TRACESTATE_MAX = 512;

export function parseTraceContext(traceparent: string | null, tracestate: string | null): TraceContext | null {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (!match) return null;
  const [, version, traceId, parentId] = match;
  if (version === "ff" || /^0+$/.test(traceId!) || /^0+$/.test(parentId!)) return null;
  const state = tracestate?.trim();
  return {
    traceparent: match[0],
    tracestate: state && state.length <= TRACESTATE_MAX && !/[\r\n\0]/.test(state) ? state : null,
  };
}

export function traceContextOf(headers: Headers): TraceContext | null {
  return parseTraceContext(headers.get("traceparent"), headers.get("tracestate"));
}

/** The headers a try carries for a stored context. */
export function traceHeaders(context: TraceContext | null): Record<string, string> {
  if (!context) return {};
  return context.tracestate
    ? { traceparent: context.traceparent, tracestate: context.tracestate }
    : { traceparent: context.traceparent };
}

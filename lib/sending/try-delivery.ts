// One try of one delivery, made the same way by the worker (worker/delivery-worker.ts) and by
// the sends the dashboard and API ask for (send-now.ts): the endpoint's decrypted configuration,
// the envelope around the stored payload text, the signatures (the current secret, plus the
// previous one during a rotation's overlap), custom headers and receiver auth, through the
// SSRF-guarded agent. An endpoint row that cannot be decrypted or parsed is not the receiver's
// doing: it becomes a failed try (error kind `config`), recorded and retried like any other, so
// it shows in the dashboard instead of failing silently. An endpoint with a transformation gets
// the transformation's result as its body (signed as sent) and headers; no result skips the
// message for it, a failing transformation is a try with error kind `transformation`. An endpoint
// whose client certificate has expired is not tried at all: the receiver would refuse the
// handshake with a vaguer error.
import "server-only";
import type { Logger } from "pino";
import type { Dispatcher } from "undici";
import { signingSecrets } from "@/lib/endpoints/secret-overlap";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { buildEnvelope } from "@/lib/signing";
import { TransformationError, runTransformation } from "@/lib/transformations/transformation";
import { compiledTransformation } from "@/lib/transformations/transformation-cache";
import { positioned } from "@/lib/transformations/check-transformation";
import { endpointConfig } from "./endpoint-config";
import type { EndpointRow } from "./endpoint-row";
import { responseOf, sendWebhook, type WebhookResponse } from "./send-webhook";
import { endpointDispatcher } from "./webhook-agent";
import { traceHeaders, type TraceContext } from "@/lib/tracing/trace-context";
import { traceDeliver, tracing } from "@/lib/tracing/tracing";

export interface DeliveryToSend {
  tenantId: string;
  deliveryId: string;
  messageId: string;
  /** 1 for the delivery's first try. */
  attemptNumber: number;
  eventType: string;
  messageCreatedAt: Date;
  /** The payload's stored JSON text, exactly as published. */
  payloadJson: string;
  /** The message's channels and tags (what a transformation reads besides the envelope). */
  channels?: readonly string[] | null;
  tags?: readonly string[] | null;
  /** The publish's W3C trace context, sent as `traceparent`/`tracestate` unless the endpoint turned it off. */
  trace?: TraceContext | null;
  endpoint: EndpointRow;
}

export interface TryOptions {
  /** The timeout when the endpoint sets none of its own. */
  defaultTimeoutMs: number;
  responseBodyLimit: number;
  dispatcher: Dispatcher;
  /** Aborts the request (a worker shutting down); the response is then `cancelled`. */
  signal?: AbortSignal;
  log?: Logger;
}

export interface DeliveryTried {
  /** Where the try went (the configured URL, or the row's when the configuration was unreadable). */
  url: string;
  response: WebhookResponse;
  /** The body sent when a transformation made it (null: the standard envelope, or nothing sent). */
  requestBody: string | null;
}

export type Prepared = { body: string; headers: Record<string, string>; transformed: boolean } | WebhookResponse;

/** The body and extra headers to send: the envelope, or what the endpoint's transformation makes of it (also benchmarked: bench/transformations.ts). */
export async function prepareBody(delivery: DeliveryToSend): Promise<Prepared> {
  const envelope = buildEnvelope({
    type: delivery.eventType,
    createdAt: delivery.messageCreatedAt,
    payloadJson: delivery.payloadJson,
  });
  const stored = delivery.endpoint.transformation;
  if (stored === null || stored === undefined) return { body: envelope, headers: {}, transformed: false };
  const started = performance.now();
  try {
    const compiled = compiledTransformation(delivery.endpoint.id, delivery.endpoint.version, stored);
    const result = await runTransformation(
      compiled,
      {
        type: delivery.eventType,
        timestamp: delivery.messageCreatedAt.toISOString(),
        data: JSON.parse(delivery.payloadJson),
        ...(delivery.channels?.length ? { channels: delivery.channels } : {}),
        ...(delivery.tags?.length ? { tags: delivery.tags } : {}),
      },
      env().HOOKLINE_MAX_PAYLOAD_BYTES,
    );
    if (result.skipped) return responseOf({ skipped: true, durationMs: Math.round(performance.now() - started) });
    return { body: result.body, headers: result.headers, transformed: true };
  } catch (error) {
    if (!(error instanceof TransformationError)) throw error;
    return responseOf({
      errorKind: "transformation",
      errorMessage: `${error.path}: ${positioned(error)}`.slice(0, 1_000),
      durationMs: Math.round(performance.now() - started),
    });
  }
}

export async function tryDelivery(delivery: DeliveryToSend, options: TryOptions): Promise<DeliveryTried> {
  let url = delivery.endpoint.url;
  try {
    // A polling endpoint (lib/polling) has no URL: nothing may push to it (a resend of its delivery).
    if (url === "") throw new Error("a polling endpoint is fetched, not sent to");
    const config = await endpointConfig(delivery.endpoint);
    url = config.url;
    const certificate = config.egress.clientCertificate?.leaf;
    if (certificate && new Date(certificate.validTo).getTime() <= Date.now()) {
      const expiredAt = new Date(certificate.validTo).toISOString();
      const errorMessage = `the endpoint's client certificate expired at ${expiredAt}; upload a renewed one`;
      return { url, response: responseOf({ errorKind: "tls", errorMessage }), requestBody: null };
    }
    const prepared = await prepareBody(delivery);
    if ("startedAt" in prepared) return { url, response: prepared, requestBody: null };
    const send = (trace: TraceContext | null) =>
      sendWebhook({
        tenantId: delivery.tenantId,
        endpointId: delivery.endpoint.id,
        url,
        messageId: delivery.messageId,
        body: prepared.body,
        secrets: signingSecrets(config),
        headers: config.headers,
        transformedHeaders: prepared.headers,
        traceHeaders: config.egress.traceContext ? traceHeaders(trace) : undefined,
        auth: config.auth,
        timeoutMs: config.timeoutMs ?? options.defaultTimeoutMs,
        responseBodyLimit: options.responseBodyLimit,
        dispatcher: endpointDispatcher(options.dispatcher, delivery.endpoint.id, config.egress),
        signal: options.signal,
      });
    const response = tracing().on
      ? await traceDeliver({ ...delivery, url, trace: delivery.trace ?? null, endpointId: delivery.endpoint.id }, send)
      : await send(delivery.trace ?? null);
    return { url, response, requestBody: prepared.transformed ? prepared.body : null };
  } catch (error) {
    (options.log ?? logger).error(
      { err: error, deliveryId: delivery.deliveryId, endpointId: delivery.endpoint.id },
      "could not prepare a delivery",
    );
    return {
      url,
      response: responseOf({
        errorKind: "config",
        errorMessage: "the endpoint's stored configuration could not be read",
      }),
      requestBody: null,
    };
  }
}

// One try of one delivery, made the same way by the worker (worker/delivery-worker.ts) and by
// the sends the dashboard and API ask for (send-now.ts): the endpoint's decrypted configuration,
// the envelope around the stored payload text, the signatures (the current secret, plus the
// previous one during a rotation's overlap), custom headers and receiver auth, through the
// SSRF-guarded agent. An endpoint row that cannot be decrypted or parsed is not the receiver's
// doing: it becomes a failed try (error kind `config`), recorded and retried like any other, so
// it shows in the dashboard instead of failing silently.
import "server-only";
import type { Logger } from "pino";
import type { Dispatcher } from "undici";
import { signingSecrets } from "@/lib/endpoints/secret-overlap";
import { logger } from "@/lib/logger";
import { buildEnvelope } from "@/lib/signing";
import { endpointConfig } from "./endpoint-config";
import type { EndpointRow } from "./endpoint-row";
import { sendWebhook, type WebhookResponse } from "./send-webhook";

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
}

export async function tryDelivery(delivery: DeliveryToSend, options: TryOptions): Promise<DeliveryTried> {
  let url = delivery.endpoint.url;
  try {
    const config = await endpointConfig(delivery.endpoint);
    url = config.url;
    const response = await sendWebhook({
      endpointId: delivery.endpoint.id,
      url,
      messageId: delivery.messageId,
      body: buildEnvelope({
        type: delivery.eventType,
        createdAt: delivery.messageCreatedAt,
        payloadJson: delivery.payloadJson,
      }),
      secrets: signingSecrets(config),
      headers: config.headers,
      auth: config.auth,
      timeoutMs: config.timeoutMs ?? options.defaultTimeoutMs,
      responseBodyLimit: options.responseBodyLimit,
      dispatcher: options.dispatcher,
      signal: options.signal,
    });
    return { url, response };
  } catch (error) {
    (options.log ?? logger).error(
      { err: error, deliveryId: delivery.deliveryId, endpointId: delivery.endpoint.id },
      "could not prepare a delivery",
    );
    return {
      url,
      response: {
        startedAt: new Date(),
        durationMs: 0,
        status: null,
        responseHeaders: null,
        responseBody: null,
        errorKind: "config",
        errorMessage: "the endpoint's stored configuration could not be read",
        requestHeaders: {},
        retryAfter: null,
        abortHeader: null,
        cancelled: false,
      },
    };
  }
}

// Sending outside the worker loop, for the dashboard and API: "resend" and "send test event"
// try a delivery right away in the web process and answer with the result. Same signing, same
// SSRF-guarded agent and the same recording as the worker (lib/deliveries/record-attempts.ts).
import "server-only";
import { env } from "@/lib/env";
import { buildEnvelope } from "@/lib/signing";
import type { EndpointRow } from "./endpoint-row";
import { signingSecrets } from "@/lib/endpoints/secret-overlap";
import { endpointConfig } from "./endpoint-config";
import type { NextState, TryResult } from "./plan-next-state";
import { recordAttempts, type AttemptTrigger } from "./record-attempts";
import { sendWebhook } from "./send-webhook";
import { webhookAgent } from "./webhook-agent";

export interface AttemptSummary {
  deliveryId: string;
  endpointId: string;
  status: number | null;
  errorKind: string | null;
  errorMessage: string | null;
  durationMs: number;
  succeeded: boolean;
}

export interface DeliveryToSend {
  tenantId: string;
  deliveryId: string;
  messageId: string;
  attemptNumber: number;
  eventType: string;
  messageCreatedAt: Date;
  payloadJson: string;
  endpoint: EndpointRow;
}

/**
 * Sends one delivery now and records the attempt. `plan` turns the result into the delivery's
 * next state for test sends (which hold the delivery's lease as `leaseOwner`); manual resends
 * pass null and leave the retry schedule alone.
 */
export async function sendNow(
  delivery: DeliveryToSend,
  trigger: AttemptTrigger,
  leaseOwner: string,
  plan: ((result: TryResult) => NextState) | null,
): Promise<AttemptSummary> {
  const settings = env();
  const config = await endpointConfig(delivery.endpoint);
  const response = await sendWebhook({
    endpointId: delivery.endpoint.id,
    url: config.url,
    messageId: delivery.messageId,
    body: buildEnvelope({
      type: delivery.eventType,
      createdAt: delivery.messageCreatedAt,
      payloadJson: delivery.payloadJson,
    }),
    secrets: signingSecrets(config),
    headers: config.headers,
    auth: config.auth,
    timeoutMs: config.timeoutMs ?? settings.HOOKLINE_REQUEST_TIMEOUT_MS,
    responseBodyLimit: settings.HOOKLINE_RESPONSE_BODY_LIMIT,
    dispatcher: webhookAgent(),
  });
  await recordAttempts(
    [
      {
        tenantId: delivery.tenantId,
        deliveryId: delivery.deliveryId,
        messageId: delivery.messageId,
        endpointId: delivery.endpoint.id,
        url: config.url,
        eventType: delivery.eventType,
        number: delivery.attemptNumber,
        trigger,
        response,
        next: plan ? plan(response) : null,
      },
    ],
    leaseOwner,
  );
  return {
    deliveryId: delivery.deliveryId,
    endpointId: delivery.endpoint.id,
    status: response.status,
    errorKind: response.errorKind,
    errorMessage: response.errorMessage,
    durationMs: response.durationMs,
    succeeded: response.status !== null && response.status >= 200 && response.status <= 299,
  };
}

// Sending outside the worker loop, for the dashboard and API: "resend" and "send test event"
// try a delivery right away in the web process and answer with the result. Same signing, same
// SSRF-guarded agent and the same recording as the worker (try-delivery.ts, record-attempts.ts).
import "server-only";
import { env } from "@/lib/env";
import { attemptRecord, isSuccess, type AttemptTrigger } from "@/lib/recording/attempt-record";
import type { NextState, TryResult } from "@/lib/queue/plan-next-state";
import { recordAttempts } from "@/lib/recording/record-attempts";
import { tryDelivery, type DeliveryToSend } from "@/lib/sending/try-delivery";
import { webhookAgent } from "@/lib/sending/webhook-agent";

export interface AttemptSummary {
  deliveryId: string;
  endpointId: string;
  status: number | null;
  errorKind: string | null;
  errorMessage: string | null;
  durationMs: number;
  succeeded: boolean;
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
  const tried = await tryDelivery(delivery, {
    defaultTimeoutMs: settings.HOOKLINE_REQUEST_TIMEOUT_MS,
    responseBodyLimit: settings.HOOKLINE_RESPONSE_BODY_LIMIT,
    dispatcher: webhookAgent(),
  });
  await recordAttempts([attemptRecord(delivery, tried, trigger, plan ? plan(tried.response) : null)], leaseOwner);
  const { response } = tried;
  return {
    deliveryId: delivery.deliveryId,
    endpointId: delivery.endpoint.id,
    status: response.status,
    errorKind: response.errorKind,
    errorMessage: response.errorMessage,
    durationMs: response.durationMs,
    succeeded: isSuccess(response),
  };
}

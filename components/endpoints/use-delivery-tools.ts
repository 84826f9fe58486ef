"use client";
// The endpoint's delivery tools: send a test event now (the answer is the try's outcome, shown
// inline), and queue every failed delivery since a time again. Both add attempts, so the log and
// the charts of the endpoint refresh.
import type { z } from "zod";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { apiFetch } from "@/client/api-fetch";
import type { ZRecoverResult, ZTestEventResult } from "@/lib/schemas/endpoints";
import { endpointKeys, endpointPath } from "./endpoint-keys";

export type TestEventResult = z.infer<typeof ZTestEventResult>;
export type RecoverResult = z.infer<typeof ZRecoverResult>;

export function useSendTestEvent(tenantId: string, endpointId: string) {
  return useMutationWithToast({
    mutationFn: (eventType: string) =>
      apiFetch<TestEventResult>(`${endpointPath(tenantId, endpointId)}/test`, { body: { eventType } }),
    invalidates: [endpointKeys.one(tenantId, endpointId)],
    // The outcome is shown inline, under the button (send-test-event.tsx).
    success: null,
    failure: "Could not send the test event.",
  });
}

export function useRecoverFailed(tenantId: string, endpointId: string) {
  return useMutationWithToast({
    mutationFn: (since: string) =>
      apiFetch<RecoverResult>(`${endpointPath(tenantId, endpointId)}/recover`, { body: { since } }),
    invalidates: [endpointKeys.one(tenantId, endpointId)],
    success: ({ requeued }) =>
      requeued === 0
        ? "Nothing to recover: no failed deliveries in that range."
        : `${requeued} failed ${requeued === 1 ? "delivery" : "deliveries"} queued again.`,
    failure: "Could not recover the failed deliveries.",
  });
}

"use client";
// The endpoint's delivery tools: send a test event now (the answer is the try's outcome, shown
// inline), and queue every failed delivery since a time again. Both add attempts, so the log and
// the charts of the endpoint refresh.
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { endpointKeys, endpointParams } from "./endpoint-keys";

export type TestEventResult = Schemas["TestEventResult"];
export type RecoverResult = Schemas["RecoverResult"];

export function useSendTestEvent(tenantId: string, endpointId: string) {
  return useMutationWithToast({
    mutationFn: (eventType: string) =>
      unwrap(
        api.POST("/tenants/{tenant}/endpoints/{endpoint}/test", {
          params: endpointParams(tenantId, endpointId),
          body: { eventType },
        }),
      ),
    invalidates: [endpointKeys.one(tenantId, endpointId)],
    // The outcome is shown inline, under the button (send-test-event.tsx).
    success: null,
    failure: "Could not send the test event.",
  });
}

export function useRecoverFailed(tenantId: string, endpointId: string) {
  return useMutationWithToast({
    mutationFn: (since: string) =>
      unwrap(
        api.POST("/tenants/{tenant}/endpoints/{endpoint}/recover", {
          params: endpointParams(tenantId, endpointId),
          body: { since },
        }),
      ),
    invalidates: [endpointKeys.one(tenantId, endpointId)],
    success: ({ requeued }) =>
      requeued === 0
        ? "Nothing to recover: no failed deliveries in that range."
        : `${requeued} failed ${requeued === 1 ? "delivery" : "deliveries"} queued again.`,
    failure: "Could not recover the failed deliveries.",
  });
}

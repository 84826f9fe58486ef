"use client";
// "Resend" (one endpoint) and "Resend to all": a manual try right away; a toast tells how it
// went and the new attempt appears in the timeline (the mutation refreshes the message).
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/client/api-error";
import { describeTry } from "./http-status";
import { useResendMessage, type AttemptResult } from "./use-message";

function summary(
  results: AttemptResult[],
  endpointName: string | undefined,
): { tone: "success" | "error"; text: string } {
  const failed = results.filter((result) => !result.succeeded);
  if (results.length === 1) {
    const [result] = results as [AttemptResult];
    const to = endpointName ? ` to ${endpointName}` : "";
    return {
      tone: result.succeeded ? "success" : "error",
      text: `Resent${to}: ${describeTry(result)}${result.succeeded ? "." : " — the receiver did not accept it."}`,
    };
  }
  return {
    tone: failed.length ? "error" : "success",
    text: `Resent to ${results.length} endpoints: ${results.length - failed.length} succeeded${failed.length ? `, ${failed.length} failed` : ""}.`,
  };
}

export function ResendButton({
  tenantId,
  messageId,
  endpoint,
  endpointCount,
  disabledReason,
}: {
  tenantId: string;
  messageId: string;
  /** Resend to this endpoint only; to every endpoint without one. */
  endpoint?: { id: string; name: string };
  endpointCount?: number;
  disabledReason?: string;
}) {
  const { notify } = useToast();
  const resend = useResendMessage(tenantId, messageId);
  const label = endpoint ? "Resend" : "Resend to all";
  return (
    <Button
      variant={endpoint ? "secondary" : "primary"}
      size={endpoint ? "sm" : "md"}
      busy={resend.isPending}
      disabled={Boolean(disabledReason)}
      title={disabledReason}
      aria-label={endpoint ? `Resend to ${endpoint.name}` : undefined}
      onClick={() =>
        resend.mutate(endpoint ? { endpointId: endpoint.id } : {}, {
          onSuccess: (results) => {
            const { tone, text } = summary(results, endpoint?.name);
            notify(tone, text);
          },
          onError: (error) =>
            notify("error", `Could not resend: ${error instanceof ApiError ? error.message : "the request failed."}`),
        })
      }
    >
      {resend.isPending ? (endpoint || !endpointCount ? "Resending…" : `Resending to ${endpointCount}…`) : label}
    </Button>
  );
}

"use client";
// A polling endpoint's poll URL and its `hookline listen` command. The token is stored hashed, so
// it shows only right after creation (handed over by the form) or a rotation; otherwise masked.
import { useEffect, useState } from "react";
import { api, unwrap } from "@/client/browser-api";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { endpointParams } from "./endpoint-keys";
import { forgetPollingToken, peekPollingToken } from "./polling-token-handoff";

const MASK = "hlpoll_" + "•".repeat(24);

export function PollingCard({
  tenantId,
  endpointId,
  canWrite,
}: {
  tenantId: string;
  endpointId: string;
  canWrite: boolean;
}) {
  // Handed over by the form right after creation (a client-side navigation: no server render to match).
  // Read in the render, forgotten after the commit: a render thrown away before it commits must not
  // lose the only copy.
  const [token, setToken] = useState<string | null>(() => peekPollingToken(endpointId));
  useEffect(() => {
    forgetPollingToken(endpointId);
  }, [endpointId]);
  const [confirming, setConfirming] = useState(false);
  const hydrated = useHydrated();
  const origin = hydrated ? window.location.origin : "";
  const rotate = useMutationWithToast({
    mutationFn: () =>
      unwrap(
        api.POST("/tenants/{tenant}/endpoints/{endpoint}/polling-token/rotate", {
          params: endpointParams(tenantId, endpointId),
        }),
      ),
    invalidates: [],
    // Confirmed inline: the new token is shown where it is copied.
    success: null,
    failure: "Could not rotate the polling token.",
    onSuccess: ({ pollingToken }) => {
      setToken(pollingToken);
      setConfirming(false);
    },
  });
  const shown = token ?? MASK;

  return (
    <Card
      title="Polling"
      description="This endpoint's receiver fetches its messages: GET the poll URL, or run hookline listen to forward them to a local server."
    >
      <div className="space-y-3">
        {token ? (
          <p
            role="status"
            className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
          >
            Copy the polling token now: it is shown only this once.
          </p>
        ) : (
          <p className="text-sm text-slate-600">
            The token is shown only when it is made.{" "}
            {canWrite ? "Rotate it to get a new one." : "Admins and owners can rotate it."}
          </p>
        )}
        {token && <CodeBlock label="Polling token" value={token} maxHeight="6rem" />}
        <CodeBlock label="Poll URL" value={`${origin}/api/v1/poll/${shown}`} maxHeight="8rem" />
        <CodeBlock
          label="Listen command"
          value={`npx hookline listen --url ${origin} --token ${shown} --forward http://localhost:4000/webhooks`}
          maxHeight="10rem"
        />
        {canWrite && (
          <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
            Rotate token…
          </Button>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          open
          title="Rotate the polling token?"
          confirmLabel="Rotate token"
          busy={rotate.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => rotate.mutate(undefined)}
        >
          <p>
            The current token stops working at once: a running hookline listen or poller gets 401 until it uses the new
            one, which is shown here this once.
          </p>
        </ConfirmDialog>
      )}
    </Card>
  );
}

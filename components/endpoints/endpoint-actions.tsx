"use client";
// The endpoint page's header buttons for admins and owners: edit, disable or enable, delete.
// Disabling and deleting ask first and say what happens to queued deliveries and the log.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { LinkButton } from "@/components/ui/link-button";
import type { EndpointView } from "./use-endpoint";
import { useEndpoint, useEndpointActions } from "./use-endpoint";
import { endpointAddress } from "./endpoint-name";

export function EndpointActions({ tenantId, initialEndpoint }: { tenantId: string; initialEndpoint: EndpointView }) {
  const router = useRouter();
  const { data: endpoint = initialEndpoint } = useEndpoint(tenantId, initialEndpoint.id, initialEndpoint);
  const actions = useEndpointActions(tenantId, endpoint.id);
  const [confirming, setConfirming] = useState<"disable" | "delete" | null>(null);
  const disabled = endpoint.status === "disabled";

  return (
    <>
      <LinkButton variant="secondary" href={`/t/${tenantId}/endpoints/${endpoint.id}/edit`}>
        Edit
      </LinkButton>
      {disabled ? (
        <Button variant="secondary" busy={actions.enable.isPending} onClick={() => actions.enable.mutate()}>
          Enable
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming("disable")}>
          Disable
        </Button>
      )}
      <Button variant="danger" onClick={() => setConfirming("delete")}>
        Delete
      </Button>
      {/* Mounted only while open: one dialog (and one dialog title id) on the page at a time. */}
      {confirming === "disable" && (
        <ConfirmDialog
          open
          title="Disable this endpoint?"
          confirmLabel="Disable endpoint"
          busy={actions.disable.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() => actions.disable.mutate(undefined, { onSuccess: () => setConfirming(null) })}
        >
          <p>New messages are not delivered to it while it is disabled, and deliveries still queued for it fail now.</p>
          <p className="mt-2">After enabling it again, use “Recover failed messages” to send what it missed.</p>
        </ConfirmDialog>
      )}
      {confirming === "delete" && (
        <ConfirmDialog
          open
          danger
          title="Delete this endpoint?"
          confirmLabel="Delete endpoint"
          busy={actions.remove.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            actions.remove.mutate(undefined, {
              onSuccess: () => {
                router.push(`/t/${tenantId}/endpoints`);
                router.refresh();
              },
            })
          }
        >
          <p className="break-all font-mono text-slate-900">{endpointAddress(endpoint)}</p>
          <p className="mt-2">
            Its deliveries and their attempt logs are deleted with it; the messages themselves stay. This cannot be
            undone.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

"use client";
// The endpoint's signing secret: hidden until asked for, copyable, and rotatable. A rotation
// keeps the old secret signing alongside the new one for the overlap the server is configured
// with (HOOKLINE_SECRET_OVERLAP_MS); the dialog says until when, before anything changes.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Time, useNow } from "@/components/ui/time";
import { formatDateTime } from "@/components/stats/format";
import { inOverlap } from "@/lib/endpoints/secret-overlap";
import { useEndpointActions, useEndpointSecret } from "./use-endpoint";

const MASK = "whsec_" + "•".repeat(32);

function describeDuration(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 48 && Number.isInteger(hours / 24)) return `${hours / 24} days`;
  if (hours >= 1) return `${Math.round(hours * 10) / 10} hours`;
  return `${Math.round(ms / 60_000)} minutes`;
}

export function SigningSecretCard({
  tenantId,
  endpointId,
  canWrite,
  overlapMs,
  initialOverlapUntil,
  justCreated = false,
}: {
  tenantId: string;
  endpointId: string;
  canWrite: boolean;
  overlapMs: number;
  initialOverlapUntil: string | null;
  justCreated?: boolean;
}) {
  // Right after creation the secret is what the user needs next: shown, with its Copy button.
  const [revealed, setRevealed] = useState(justCreated && canWrite);
  const [confirming, setConfirming] = useState(false);
  const [rotateAt, setRotateAt] = useState(0);
  const secret = useEndpointSecret(tenantId, endpointId, revealed && canWrite);
  const { rotate } = useEndpointActions(tenantId, endpointId);
  const overlapUntil = secret.data ? secret.data.previousSecretExpiresAt : initialOverlapUntil;
  const now = useNow();
  // The confirmation is for this visit only: a reload or a shared link does not repeat it.
  useEffect(() => {
    if (justCreated) window.history.replaceState(null, "", window.location.pathname);
  }, [justCreated]);

  return (
    <Card
      title="Signing secret"
      description="Receivers verify the webhook-signature header with it, using any Standard Webhooks library."
    >
      {!canWrite ? (
        <p className="text-sm text-slate-600">
          Only admins and owners of this tenant can reveal or rotate the signing secret.
        </p>
      ) : (
        <div className="space-y-3">
          {justCreated && (
            <p
              role="status"
              className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
            >
              Endpoint created. Copy its signing secret into your receiver&apos;s configuration.
            </p>
          )}
          <code
            aria-label="Signing secret"
            className="block break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-slate-200"
          >
            {revealed && secret.data ? secret.data.secret : MASK}
          </code>
          {secret.isError && <p className="text-sm text-red-600">Could not load the secret.</p>}
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              size="sm"
              busy={revealed && secret.isFetching && !secret.data}
              onClick={() => setRevealed((shown) => !shown)}
              aria-pressed={revealed}
            >
              {revealed ? "Hide" : "Reveal"}
            </Button>
            {revealed && secret.data && <CopyButton value={secret.data.secret} label="Copy secret" />}
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setRotateAt(Date.now());
                setConfirming(true);
              }}
            >
              Rotate…
            </Button>
          </div>
          {overlapUntil && (now === null || inOverlap(overlapUntil, now)) && (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" role="status">
              Rotated recently: the previous secret also signs every webhook until{" "}
              <Time value={overlapUntil} mode="both" />.
            </p>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          open
          title="Rotate the signing secret?"
          confirmLabel="Rotate secret"
          busy={rotate.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            rotate.mutate(undefined, {
              onSuccess: () => {
                setConfirming(false);
                setRevealed(true);
              },
            })
          }
        >
          <p>A new secret signs every webhook from now on.</p>
          <p className="mt-2">
            The current secret keeps signing too, for {describeDuration(overlapMs)}: until about{" "}
            <strong className="text-slate-900">{formatDateTime(new Date(rotateAt + overlapMs))}</strong>. Each webhook
            carries both signatures until then, so you can switch your receiver to the new secret without missing one.
          </p>
        </ConfirmDialog>
      )}
    </Card>
  );
}

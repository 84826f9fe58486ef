"use client";
// The endpoint's signing secret: hidden until asked for, copyable, and rotatable. A rotation
// keeps the old secret signing alongside the new one for the overlap the server is configured
// with (HOOKLINE_SECRET_OVERLAP_MS); the dialog says until when, before anything changes. A v1a
// endpoint shows its whpk_ public key instead (nothing to hide: it verifies, it cannot sign).
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

const TEXT = {
  v1: {
    title: "Signing secret",
    description: "Receivers verify the webhook-signature header with it, using any Standard Webhooks library.",
    label: "Signing secret",
    key: "secret",
  },
  v1a: {
    title: "Signing public key",
    description:
      "Signed with Ed25519 (v1a). Receivers verify with this whpk_ public key; Hookline keeps the private key, so a receiver's copy cannot forge a webhook.",
    label: "Public key",
    key: "key",
  },
} as const;

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
  signatureScheme = "v1",
}: {
  tenantId: string;
  endpointId: string;
  canWrite: boolean;
  overlapMs: number;
  initialOverlapUntil: string | null;
  justCreated?: boolean;
  signatureScheme?: "v1" | "v1a";
}) {
  // Right after creation the secret is what the user needs next: shown, with its Copy button.
  // A public key is shown at once.
  const [revealed, setRevealed] = useState((justCreated || signatureScheme === "v1a") && canWrite);
  const [confirming, setConfirming] = useState(false);
  const [rotateAt, setRotateAt] = useState(0);
  const secret = useEndpointSecret(tenantId, endpointId, revealed && canWrite);
  const { rotate } = useEndpointActions(tenantId, endpointId);
  const overlapUntil = secret.data ? secret.data.previousSecretExpiresAt : initialOverlapUntil;
  const now = useNow();
  const text = TEXT[secret.data?.signatureScheme ?? signatureScheme];
  const shown = secret.data ? (secret.data.publicKey ?? secret.data.secret) : null;
  // The confirmation is for this visit only: a reload or a shared link does not repeat it.
  useEffect(() => {
    if (justCreated) window.history.replaceState(null, "", window.location.pathname);
  }, [justCreated]);

  return (
    <Card title={text.title} description={text.description}>
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
              Endpoint created. Copy its {text.label.toLowerCase()} into your receiver&apos;s configuration.
            </p>
          )}
          <code
            aria-label={text.label}
            className="block break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-slate-200"
          >
            {revealed && shown ? shown : MASK}
          </code>
          {secret.isError && <p className="text-sm text-danger">Could not load the secret.</p>}
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
            {revealed && shown && <CopyButton value={shown} label={`Copy ${text.key}`} />}
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
              Rotated recently: the previous {text.key} also signs every webhook until{" "}
              <Time value={overlapUntil} mode="both" />.
            </p>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          open
          title={`Rotate the signing ${text.key}?`}
          confirmLabel={`Rotate ${text.key}`}
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
          <p>A new {text.key} signs every webhook from now on.</p>
          <p className="mt-2">
            The current {text.key} keeps signing too, for {describeDuration(overlapMs)}: until about{" "}
            <strong className="text-slate-900">{formatDateTime(new Date(rotateAt + overlapMs))}</strong>. Each webhook
            carries both signatures until then, so you can switch your receiver to the new {text.key} without missing
            one.
          </p>
        </ConfirmDialog>
      )}
    </Card>
  );
}

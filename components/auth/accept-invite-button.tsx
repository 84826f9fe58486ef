"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, postAccount } from "@/client/browser-api";

export function AcceptInviteButton({ token }: { token: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
          {error}
        </p>
      )}
      <Button
        className="w-full"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const { tenantId } = await postAccount("/api/account/invites/accept", { token });
            router.push(`/t/${tenantId}`);
            router.refresh();
          } catch (caught) {
            setError(caught instanceof ApiError ? caught.message : "Could not accept the invite.");
          } finally {
            setBusy(false);
          }
        }}
      >
        Accept invite
      </Button>
    </div>
  );
}

"use client";
// "Recover failed messages since…": after a receiver outage, every failed delivery of this
// endpoint since the chosen time goes back to the queue with the full retry schedule. The
// answer says how many.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useNow } from "@/components/ui/time";
import { useRecoverFailed } from "./use-delivery-tools";

/** A Date as the value of <input type="datetime-local"> (the browser's local time). */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function RecoverFailed({
  tenantId,
  endpointId,
  disabled,
}: {
  tenantId: string;
  endpointId: string;
  disabled: boolean;
}) {
  // The default, a day ago, is the browser's local time: none until the page runs in the browser.
  const now = useNow();
  const [chosen, setSince] = useState<string | null>(null);
  const since = chosen ?? (now === null ? "" : toLocalInput(new Date(now - 24 * 3_600_000)));
  const [error, setError] = useState<string>();
  const recover = useRecoverFailed(tenantId, endpointId);
  const hydrated = useHydrated();

  function submit(event: FormEvent) {
    event.preventDefault();
    const time = new Date(since);
    if (!since || Number.isNaN(time.getTime())) return setError("Pick a date and time.");
    if (time.getTime() > (now ?? time.getTime())) return setError("Pick a time in the past.");
    setError(undefined);
    recover.mutate(time.toISOString());
  }

  return (
    <Card
      title="Recover failed messages"
      description="Queue every failed delivery since a time again, with the full retry schedule. Use it once your receiver is fixed."
    >
      <form onSubmit={submit} className="space-y-3" noValidate>
        <TextField
          label="Failed since"
          type="datetime-local"
          value={since}
          max={now === null ? undefined : toLocalInput(new Date(now))}
          onChange={(event) => setSince(event.target.value)}
          error={error}
          hint="Your local time."
        />
        <Button type="submit" busy={recover.isPending} disabled={!hydrated || disabled}>
          Recover
        </Button>
        {disabled && (
          <p className="text-sm text-slate-500">Enable the endpoint first: a disabled endpoint receives nothing.</p>
        )}
      </form>
      {recover.data && (
        <p
          role="status"
          aria-label="Recovery result"
          className="mt-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700 ring-1 ring-brand-100"
        >
          {recover.data.requeued === 0
            ? "No failed deliveries since then: nothing to recover."
            : `${recover.data.requeued} failed ${recover.data.requeued === 1 ? "delivery was" : "deliveries were"} queued again. Watch them arrive under Recent attempts.`}
        </p>
      )}
    </Card>
  );
}

"use client";
// "Send test event": the example payload of a chosen type, signed and sent to this endpoint
// now, with the receiver's answer shown right here (status or error, duration) and a link to
// the message it created.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { formatMs } from "@/components/stats/format";
import { AttemptOutcome } from "./attempt-outcome";
import { useSendTestEvent } from "./use-delivery-tools";
import { useEventTypeCatalog } from "./use-event-type-catalog";

export function SendTestEvent({
  tenantId,
  endpointId,
  subscribed,
  disabled,
}: {
  tenantId: string;
  endpointId: string;
  subscribed: string[];
  disabled: boolean;
}) {
  const catalog = useEventTypeCatalog();
  const send = useSendTestEvent(tenantId, endpointId);
  const hydrated = useHydrated();
  // The endpoint's own types first choice; every catalog type when it takes all.
  const choices = subscribed.length ? subscribed : (catalog.data ?? []).map((entry) => entry.name);
  const [picked, setPicked] = useState("");
  const eventType = picked || choices[0] || "";
  const result = send.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (eventType) send.mutate(eventType);
  }

  return (
    <Card
      title="Send test event"
      description="Sends the event type's example payload, signed, to this endpoint right now."
    >
      <form onSubmit={submit} className="space-y-3">
        <SelectField
          label="Event type"
          value={eventType}
          onChange={(event) => setPicked(event.target.value)}
          disabled={choices.length === 0}
        >
          {choices.length === 0 && (
            <option value="">{catalog.isPending ? "Loading…" : "No event types in the catalog"}</option>
          )}
          {choices.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" busy={send.isPending} disabled={!hydrated || !eventType || disabled}>
          Send test event
        </Button>
        {disabled && <p className="text-sm text-slate-500">Enable the endpoint to send test events.</p>}
      </form>
      {result && (
        <div
          role="status"
          aria-label="Test event result"
          className={`mt-4 rounded-md px-3 py-2 text-sm ring-1 ${result.succeeded ? "bg-emerald-50 text-emerald-900 ring-emerald-200" : "bg-red-50 text-red-900 ring-red-200"}`}
        >
          <p className="flex flex-wrap items-center gap-2">
            <AttemptOutcome status={result.status} errorKind={result.errorKind} />
            <span className="font-medium">{result.succeeded ? "Delivered" : "Not accepted"}</span>
            <span className="tabular-nums">in {formatMs(result.durationMs)}</span>
          </p>
          {result.errorMessage && <p className="mt-1 break-words">{result.errorMessage}</p>}
          <Link
            href={`/t/${tenantId}/messages/${result.messageId}`}
            className="mt-1 inline-block font-medium underline"
          >
            Open the test message
          </Link>
        </div>
      )}
    </Card>
  );
}

"use client";
// A FIFO endpoint's blocked keys: ordering keys whose head message keeps failing, so every later
// message of the key waits. Each with the head message (linked) and its last attempt, so the
// cause is one click away. Refreshes every 5 s.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { useBlockedKeys } from "./use-routing";

export function BlockedKeys({ tenantId, endpointId }: { tenantId: string; endpointId: string }) {
  const { data, error } = useBlockedKeys(tenantId, endpointId);
  const keys = data?.data ?? [];
  return (
    <Card
      title="Blocked keys"
      description="FIFO: a key whose oldest message keeps failing holds every later message of that key. Other keys keep flowing."
    >
      {error ? (
        <p className="text-sm text-red-700">The blocked keys could not be loaded: {error.message}</p>
      ) : !data ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : keys.length === 0 ? (
        <p className="text-sm text-slate-500">No key is blocked: every key&apos;s head is being delivered.</p>
      ) : (
        <ul className="-my-2 divide-y divide-slate-100 text-sm" aria-label="Blocked keys">
          {keys.map((key) => (
            <li key={key.head.deliveryId} className="space-y-1 py-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="min-w-0 break-all font-mono font-medium text-slate-900">
                  {key.orderingKey ?? "(no ordering key)"}
                </span>
                <Badge tone="warning">{key.waiting} waiting</Badge>
              </div>
              <p className="break-all text-slate-600">
                Head:{" "}
                <Link
                  href={`/t/${tenantId}/messages/${key.head.messageId}`}
                  className="font-mono text-brand-700 hover:underline"
                >
                  {key.head.eventType}
                </Link>{" "}
                published <Time value={key.head.createdAt} />, {key.head.attemptCount} attempt
                {key.head.attemptCount === 1 ? "" : "s"}
              </p>
              <p className="break-all text-slate-600">
                Last attempt
                {key.lastAttempt.at ? (
                  <>
                    {" "}
                    <Time value={key.lastAttempt.at} />
                  </>
                ) : null}
                :{" "}
                <span className="text-red-700">
                  {key.lastAttempt.statusCode
                    ? `HTTP ${key.lastAttempt.statusCode}`
                    : (key.lastAttempt.error ?? "failed")}
                </span>
                {key.head.nextAttemptAt && key.head.status === "pending" ? (
                  <>
                    ; next try <Time value={key.head.nextAttemptAt} />
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

"use client";
// Every try to this endpoint, newest first and live (new ones appear on their own): the
// outcome, the event type, what triggered it, how long it took, when, and the message it
// belongs to (its page has the full request and response).
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { Time } from "@/components/ui/time";
import { formatMs } from "@/components/stats/format";
import { AttemptOutcome } from "./attempt-outcome";
import { useEndpointAttempts } from "./use-endpoint-attempts";

export function RecentAttempts({ tenantId, endpointId }: { tenantId: string; endpointId: string }) {
  const attempts = useEndpointAttempts(tenantId, endpointId);
  const rows = attempts.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Card title="Recent attempts" description="Live: new attempts appear as they happen.">
      {attempts.isPending ? (
        <div className="grid place-items-center py-6 text-slate-400">
          <Spinner label="Loading attempts" />
        </div>
      ) : attempts.isError ? (
        <p className="text-sm text-danger">Could not load the attempts.</p>
      ) : rows.length === 0 ? (
        <p className="text-sm text-slate-600">
          No attempts yet. Publish a message of a subscribed type, or send a test event, and its delivery shows up here.
        </p>
      ) : (
        <>
          <ul aria-label="Recent attempts" className="-mx-5 -my-5 divide-y divide-slate-100">
            {rows.map((attempt) => (
              <li
                key={attempt.id}
                className="grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-5 py-3 text-sm"
              >
                <AttemptOutcome status={attempt.responseStatus} errorKind={attempt.errorKind} />
                <div className="min-w-0">
                  <p className="flex min-w-0 items-center gap-2">
                    <span className="truncate font-mono text-slate-900">{attempt.eventType}</span>
                    {attempt.trigger !== "scheduled" && <Badge tone="info">{attempt.trigger}</Badge>}
                    {attempt.number > 1 && (
                      <span className="shrink-0 text-xs text-slate-500">try {attempt.number}</span>
                    )}
                  </p>
                  {attempt.errorMessage && (
                    <p className="truncate text-xs text-red-700" title={attempt.errorMessage}>
                      {attempt.errorMessage}
                    </p>
                  )}
                  <p className="text-xs text-slate-500">
                    <Time value={attempt.startedAt} /> ·{" "}
                    <span className="tabular-nums">
                      {attempt.durationMs === null ? "no timing" : formatMs(attempt.durationMs)}
                    </span>
                  </p>
                </div>
                <Link
                  href={`/t/${tenantId}/messages/${attempt.messageId}`}
                  className="shrink-0 text-sm font-medium text-brand-700 hover:underline"
                  aria-label={`Open message ${attempt.messageId}`}
                >
                  Message →
                </Link>
              </li>
            ))}
          </ul>
          {attempts.hasNextPage && (
            <div className="mt-8 flex justify-center">
              <Button
                variant="secondary"
                size="sm"
                busy={attempts.isFetchingNextPage}
                onClick={() => void attempts.fetchNextPage()}
              >
                Older attempts
              </Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}

// Every try of one delivery, newest first, as a timeline: when, why (scheduled retry, manual
// resend, test event), how long, and what came back; the request and the response open below.
import { Badge, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDuration, Time } from "@/components/ui/time";
import { HeadersList } from "./headers-list";
import { attemptOutcome } from "./http-status";
import type { AttemptView } from "./use-message";

const TRIGGER_TONE: Record<AttemptView["trigger"], Tone> = {
  scheduled: "neutral",
  recovered: "info",
  manual: "info",
  test: "warning",
  fetch: "info",
};

function succeeded(attempt: AttemptView): boolean {
  return attempt.responseStatus !== null && attempt.responseStatus >= 200 && attempt.responseStatus < 300;
}

/** The response body, pretty-printed when it is JSON. */
function readableBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function AttemptDetails({ attempt }: { attempt: AttemptView }) {
  return (
    <details className="group mt-2">
      <summary className="cursor-pointer select-none text-sm font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
        Request and response
      </summary>
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        <section className="min-w-0 space-y-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Request</h4>
          <p className="break-all font-mono text-xs text-slate-700">
            <span className="font-semibold">POST</span> {attempt.url}
          </p>
          <HeadersList headers={attempt.requestHeaders} label={`Request headers of attempt ${attempt.number}`} />
          {attempt.requestBody !== null ? (
            <>
              <p className="text-xs text-slate-500">Body, as the endpoint&apos;s transformation made it:</p>
              <pre
                aria-label={`Request body of attempt ${attempt.number}`}
                tabIndex={0}
                className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-code-bg p-3 text-xs text-code-fg"
              >
                {readableBody(attempt.requestBody)}
              </pre>
            </>
          ) : (
            <p className="text-xs text-slate-500">
              Body: the message payload in its envelope, {"{type, timestamp, data}"}.
            </p>
          )}
        </section>
        <section className="min-w-0 space-y-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Response</h4>
          {attempt.responseStatus === null ? (
            <p className="text-sm text-red-700">
              No response: {attempt.errorKind?.replaceAll("_", " ") ?? "unknown error"}
              {attempt.errorMessage ? ` — ${attempt.errorMessage}` : ""}
            </p>
          ) : (
            <>
              <p className="font-mono text-xs text-slate-700">HTTP {attemptOutcome(attempt)}</p>
              <HeadersList headers={attempt.responseHeaders} label={`Response headers of attempt ${attempt.number}`} />
              {attempt.responseBody ? (
                <pre
                  aria-label={`Response body of attempt ${attempt.number}`}
                  tabIndex={0}
                  className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-code-bg p-3 text-xs text-code-fg"
                >
                  {readableBody(attempt.responseBody)}
                </pre>
              ) : (
                <p className="text-xs text-slate-500">Empty body.</p>
              )}
            </>
          )}
        </section>
      </div>
    </details>
  );
}

/** The try the queue has planned next (a pending delivery), shown above the attempts. */
export interface PlannedTry {
  number: number;
  at: string;
}

export function AttemptTimeline({ attempts, next }: { attempts: AttemptView[]; next?: PlannedTry | null }) {
  return (
    <ol aria-label="Attempts" className="relative ml-1.5 space-y-5 border-l border-slate-200 pl-5">
      {next && (
        <li className="relative" data-testid="next-try">
          <span
            aria-hidden
            className="absolute -left-[1.72rem] top-1 h-3 w-3 rounded-full border-2 border-dashed border-slate-400 bg-surface ring-4 ring-surface"
          />
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="text-sm font-semibold text-slate-700">Attempt {next.number}</span>
            <Badge tone="info">planned</Badge>
          </div>
          <p className="mt-0.5 text-xs text-slate-500">
            Next try <Time value={next.at} mode="both" />
          </p>
        </li>
      )}
      {attempts.map((attempt) => {
        const ok = succeeded(attempt);
        return (
          <li key={attempt.id} className="relative" data-attempt={attempt.number}>
            <span
              aria-hidden
              className={cn(
                "absolute -left-[1.72rem] top-1 h-3 w-3 rounded-full ring-4 ring-surface",
                ok ? "bg-emerald-500" : "bg-red-500",
              )}
            />
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="text-sm font-semibold text-slate-900">Attempt {attempt.number}</span>
              <Badge tone={TRIGGER_TONE[attempt.trigger]}>{attempt.trigger}</Badge>
              <Badge tone={ok ? "success" : "danger"}>{attemptOutcome(attempt)}</Badge>
              {attempt.durationMs !== null && (
                <span className="text-sm text-slate-500">{formatDuration(attempt.durationMs)}</span>
              )}
            </div>
            <p className="mt-0.5 text-xs text-slate-500">
              <Time value={attempt.startedAt} mode="both" />
            </p>
            {!ok && attempt.errorMessage && attempt.responseStatus === null && (
              <p className="mt-1 break-words text-sm text-red-700">{attempt.errorMessage}</p>
            )}
            <AttemptDetails attempt={attempt} />
          </li>
        );
      })}
    </ol>
  );
}

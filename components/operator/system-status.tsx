"use client";
// The System page: is the queue moving, are the workers alive, who is failing. Refreshed every 5 s.
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatTile } from "@/components/ui/stat-tile";
import { Table, Td } from "@/components/ui/table";
import { formatDuration } from "@/components/ui/time";
import { formatCount } from "@/components/stats/format";
import type { TSupervisedProcessView, TSystemStatus } from "@/lib/schemas/system";
import { AttemptsChart } from "./attempts-chart";
import { useSystemStatus } from "./use-system-status";

const WORKER_TONE: Record<TSystemStatus["workers"][number]["state"], Tone> = {
  live: "success",
  stale: "danger",
  stopped: "neutral",
};

const PROCESS_TONE: Record<TSupervisedProcessView["state"], Tone> = {
  starting: "info",
  running: "success",
  restarting: "warning",
  stopped: "neutral",
  "gave-up": "danger",
};

/** How long something has waited: ms and seconds, minutes, then hours. */
function formatAge(ms: number): string {
  if (ms < 3_600_000) return formatDuration(ms);
  return `${Math.floor(ms / 3_600_000)} h ${Math.floor((ms % 3_600_000) / 60_000)} min`;
}

/** A number that needs attention, in the tone it deserves. */
function Toned({ tone, children }: { tone?: "warning" | "danger"; children: ReactNode }) {
  return (
    <span className={tone === "danger" ? "text-red-700" : tone === "warning" ? "text-amber-700" : undefined}>
      {children}
    </span>
  );
}

export function SystemStatus({ initial }: { initial: TSystemStatus }) {
  const { data: status, isError, dataUpdatedAt } = useSystemStatus(initial);
  const live = status.workers.filter((worker) => worker.state === "live").length;
  const stale = status.workers.filter((worker) => worker.state === "stale").length;
  const oldestAge = status.oldestDue?.ageMs ?? 0;
  const attemptsLastHour = status.attemptsPerMinute.reduce((sum, point) => sum + point.succeeded + point.failed, 0);
  const settled = status.last24h.succeeded + status.last24h.failed;

  return (
    <div className="space-y-6">
      <p className="text-xs text-slate-500" aria-live="polite">
        {isError ? "Could not refresh; showing the last known status." : "Updates every 5 seconds."} Last update:{" "}
        <RelativeTime iso={new Date(dataUpdatedAt).toISOString()} />
      </p>

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="mb-3 text-base font-semibold text-slate-900">
          Queue
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatTile
            label="Due now"
            value={
              <Toned tone={status.queue.due > 1_000 ? "warning" : undefined}>{formatCount(status.queue.due)}</Toned>
            }
            detail="pending, waiting for a worker"
          />
          <StatTile label="Scheduled retries" value={formatCount(status.queue.scheduled)} detail="pending, due later" />
          <StatTile
            label="Sending"
            value={formatCount(status.queue.sending)}
            detail="claimed by a worker"
            live={status.queue.sending > 0}
          />
          <StatTile
            label="Oldest due"
            value={
              <Toned tone={oldestAge > 300_000 ? "danger" : oldestAge > 30_000 ? "warning" : undefined}>
                {status.oldestDue ? formatAge(oldestAge) : "—"}
              </Toned>
            }
            detail={status.oldestDue ? "waiting since it became due" : "nothing is waiting"}
          />
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card
          title="Attempts per minute"
          description={`Last hour: ${formatCount(attemptsLastHour)} attempts.`}
          className="lg:col-span-2"
        >
          <AttemptsChart points={status.attemptsPerMinute} />
        </Card>
        <Card title="Deliveries, last 24 h" description="Created in the last 24 hours, by their status now.">
          <dl className="space-y-3">
            {(
              [
                ["succeeded", "Succeeded", "bg-emerald-500"],
                ["failed", "Failed", "bg-red-500"],
                ["pending", "Pending", "bg-brand-500"],
                ["sending", "Sending", "bg-sky-400"],
                ["skipped", "Skipped (transformation gave no result)", "bg-slate-400"],
              ] as const
            ).map(([key, label, color]) => {
              const total = status.last24h.pending + status.last24h.sending + settled + status.last24h.skipped;
              const share = total ? (status.last24h[key] / total) * 100 : 0;
              return (
                <div key={key}>
                  <div className="flex justify-between text-sm">
                    <dt className="text-slate-600">{label}</dt>
                    <dd className="font-medium tabular-nums text-slate-900">{formatCount(status.last24h[key])}</dd>
                  </div>
                  <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden>
                    <div className={cn("h-1.5 rounded-full", color)} style={{ width: `${share}%` }} />
                  </div>
                </div>
              );
            })}
          </dl>
          {settled > 0 && (
            <p className="mt-4 text-xs text-slate-500">
              Success rate of settled deliveries: {((status.last24h.succeeded / settled) * 100).toFixed(1)} %
            </p>
          )}
        </Card>
      </div>

      <Card
        title="Workers"
        description={`A worker that has not beaten for ${formatAge(status.staleAfterMs)} is stale: it crashed or lost the database. Its claimed deliveries return to the queue when their lease ends.`}
        actions={
          <div className="flex gap-2">
            <Badge tone={live ? "success" : "danger"}>{live} live</Badge>
            {stale > 0 && <Badge tone="danger">{stale} stale</Badge>}
          </div>
        }
      >
        {status.workers.length === 0 ? (
          <EmptyState title="No worker has run yet">
            Nothing is being delivered. Start one with npm start, or npm run worker on any machine that reaches the
            database.
          </EmptyState>
        ) : (
          <Table
            label="Workers"
            head={["Worker", "Host", "State", "Last heartbeat", "In flight", "Started", "Version"]}
          >
            {status.workers.map((worker) => (
              <tr key={worker.id} className={worker.state === "stale" ? "bg-red-50" : undefined}>
                <Td className="font-mono text-xs">{worker.id}</Td>
                <Td>
                  {worker.hostname} <span className="text-slate-400">pid {worker.pid}</span>
                </Td>
                <Td>
                  <Badge tone={WORKER_TONE[worker.state]}>{worker.state}</Badge>
                </Td>
                <Td>
                  <RelativeTime iso={worker.lastHeartbeatAt} />
                </Td>
                <Td className="tabular-nums">{worker.inFlight}</Td>
                <Td>
                  <RelativeTime iso={worker.startedAt} />
                </Td>
                <Td className="text-slate-500">{worker.version}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      {status.supervisor && <SupervisedProcesses supervisor={status.supervisor} />}

      <Card
        title="Failing endpoints"
        description="Endpoints whose latest attempts failed, and disabled ones, across all tenants."
      >
        {status.failingEndpoints.length === 0 ? (
          <p className="text-sm text-slate-500">Every endpoint is delivering.</p>
        ) : (
          <Table label="Failing endpoints" head={["Endpoint", "Tenant", "State", "Since", "Failures"]}>
            {status.failingEndpoints.map((endpoint) => (
              <tr key={endpoint.id}>
                <Td>
                  <Link
                    href={`/t/${endpoint.tenantId}/endpoints/${endpoint.id}`}
                    className="text-brand-700 hover:underline"
                    title={endpoint.url}
                  >
                    {endpoint.url}
                  </Link>
                </Td>
                <Td>{endpoint.tenantName}</Td>
                <Td>
                  {endpoint.disabledAt ? (
                    <Badge tone="warning">
                      disabled{endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ""}
                    </Badge>
                  ) : (
                    <Badge tone="danger">failing</Badge>
                  )}
                </Td>
                <Td>
                  {endpoint.failingSince || endpoint.disabledAt ? (
                    <RelativeTime iso={(endpoint.failingSince ?? endpoint.disabledAt)!} />
                  ) : (
                    "—"
                  )}
                </Td>
                <Td className="tabular-nums">{endpoint.failuresSinceSuccess}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}

/** The processes `npm start` runs and restarts: a crash loop shows here as a climbing count. */
function SupervisedProcesses({ supervisor }: { supervisor: NonNullable<TSystemStatus["supervisor"]> }) {
  const restarts = supervisor.processes.reduce((sum, entry) => sum + entry.restarts, 0);
  return (
    <Card
      title="Processes"
      description={
        supervisor.running
          ? `Run by npm start on ${supervisor.hostname} (pid ${supervisor.pid}), which restarts any that dies: after 1 s, doubling to 30 s while it keeps dying.`
          : `npm start on ${supervisor.hostname} (pid ${supervisor.pid}) is no longer running; this is what it last reported.`
      }
      actions={
        <Badge tone={restarts ? "warning" : "success"}>{restarts === 1 ? "1 restart" : `${restarts} restarts`}</Badge>
      }
    >
      <Table label="Processes" head={["Process", "State", "Restarts", "Last exit", "Up since"]}>
        {supervisor.processes.map((entry) => (
          <tr key={entry.name} className={entry.state === "gave-up" ? "bg-red-50" : undefined}>
            <Td className="font-medium">
              {entry.name} {entry.pid !== null && <span className="text-slate-400">pid {entry.pid}</span>}
            </Td>
            <Td>
              <Badge tone={PROCESS_TONE[entry.state]}>{entry.state}</Badge>
              {entry.nextRestartAt && (
                <span className="ml-2 text-xs text-slate-500">
                  next try <RelativeTime iso={entry.nextRestartAt} />
                </span>
              )}
            </Td>
            <Td className="tabular-nums">{entry.restarts}</Td>
            <Td>
              {entry.lastExit ? (
                <>
                  <span className="font-mono text-xs">{entry.lastExit.cause}</span>{" "}
                  <span className="text-slate-500">
                    <RelativeTime iso={entry.lastExit.at} />, after {formatAge(entry.lastExit.upForMs)} up
                  </span>
                </>
              ) : (
                "—"
              )}
            </Td>
            <Td>{entry.state === "running" && entry.startedAt ? <RelativeTime iso={entry.startedAt} /> : "—"}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

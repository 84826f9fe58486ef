"use client";
// Endpoints that need someone: failing ones (enabled, latest attempts failed), disabled ones and
// ones whose client certificate expires within 14 days, each with its reason and latest attempt.
import { endpointAddress, endpointTitle } from "@/components/endpoints/endpoint-name";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { Time } from "@/components/ui/time";
import { AttemptOutcome } from "@/components/endpoints/attempt-outcome";
import { disabledReasonText, EndpointStateBadge } from "@/components/endpoints/endpoint-state";
import { useEndpointHealth, useEndpoints } from "@/components/endpoints/use-endpoints";
import type { EndpointView } from "@/components/endpoints/use-endpoint";
import { Badge } from "@/components/ui/badge";
import { useIncidents } from "@/components/incidents/use-incidents";
import { causeLabel } from "@/lib/incidents/incident-cause";

const LIMIT = 10;

function reasonOf(endpoint: EndpointView) {
  if (endpoint.status === "enabled" && !endpoint.failingSince && endpoint.clientCertificate) {
    return (
      <>
        Client certificate expires <Time value={endpoint.clientCertificate.notAfter} />; upload a renewed one.
      </>
    );
  }
  if (endpoint.status === "disabled") {
    return (
      <>
        {disabledReasonText(endpoint.disabledReason)} {endpoint.disabledAt && <Time value={endpoint.disabledAt} />}
      </>
    );
  }
  return (
    <>Failing since {endpoint.failingSince ? <Time value={endpoint.failingSince} /> : "recently"}; retries continue.</>
  );
}

export function AttentionList({ tenantId }: { tenantId: string }) {
  const failing = useEndpoints(tenantId, { status: "failing", limit: LIMIT }, undefined, 10_000);
  const disabled = useEndpoints(tenantId, { status: "disabled", limit: LIMIT }, undefined, 10_000);
  const expiring = useEndpoints(tenantId, { status: "certificate_expiring", limit: LIMIT }, undefined, 10_000);
  // Whether there is any endpoint at all: a tenant without one is not "healthy", it is empty.
  const any = useEndpoints(tenantId, { limit: 1 }, undefined, 10_000);
  const noEndpoints = any.data?.pages[0]?.data.length === 0;
  const listed = [
    ...(failing.data?.pages[0]?.data ?? []),
    ...(disabled.data?.pages[0]?.data ?? []),
    ...(expiring.data?.pages[0]?.data ?? []),
  ];
  // A failing endpoint may also have an expiring certificate: listed once, as failing.
  const endpoints = listed.filter((endpoint, index) => listed.findIndex((other) => other.id === endpoint.id) === index);
  const health = useEndpointHealth(tenantId, [endpoints.map((endpoint) => endpoint.id)]);
  const more = Boolean(
    failing.data?.pages[0]?.nextCursor || disabled.data?.pages[0]?.nextCursor || expiring.data?.pages[0]?.nextCursor,
  );
  const incidents = useIncidents(tenantId, { status: "open", limit: LIMIT });
  const openIncidents = incidents.data?.data ?? [];

  return (
    <Card
      title="Needs attention"
      description="Failing and disabled endpoints, client certificates about to expire, with the reason, and open incidents."
    >
      {failing.isPending || disabled.isPending || expiring.isPending || any.isPending ? (
        <div className="grid place-items-center py-4 text-slate-400">
          <Spinner label="Loading endpoints" />
        </div>
      ) : noEndpoints ? (
        <p className="text-sm text-slate-600">
          No endpoints yet.{" "}
          <Link href={`/t/${tenantId}/endpoints`} className="font-medium text-brand-700 hover:underline">
            Add one
          </Link>{" "}
          to start receiving webhooks.
        </p>
      ) : endpoints.length === 0 && openIncidents.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-emerald-700">
          <span aria-hidden>✓</span> Every endpoint is healthy.
        </p>
      ) : (
        <ul aria-label="Endpoints that need attention" className="-mx-5 -my-5 divide-y divide-slate-100">
          {endpoints.map((endpoint) => {
            const last = health.byId.get(endpoint.id)?.lastAttempt;
            return (
              <li
                key={endpoint.id}
                className="flex flex-col gap-1 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between sm:gap-4"
              >
                <div className="min-w-0">
                  <div className="flex min-w-0 items-center gap-2">
                    <EndpointStateBadge endpoint={endpoint} />
                    <Link
                      href={`/t/${tenantId}/endpoints/${endpoint.id}`}
                      className="truncate font-mono font-medium text-brand-700 hover:underline"
                      title={endpointAddress(endpoint)}
                    >
                      {endpointTitle(endpoint)}
                    </Link>
                  </div>
                  <p className="mt-1 text-slate-600">{reasonOf(endpoint)}</p>
                </div>
                {last && (
                  <p className="flex shrink-0 items-center gap-2 text-xs text-slate-500">
                    Last attempt <AttemptOutcome status={last.status} errorKind={last.errorKind} />{" "}
                    <Time value={last.startedAt} />
                  </p>
                )}
              </li>
            );
          })}
          {openIncidents.map((incident) => (
            <li
              key={incident.id}
              className="flex flex-col gap-1 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between sm:gap-4"
            >
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <Badge tone={incident.kind === "alert" ? "warning" : "danger"}>
                  {incident.kind === "alert" ? "Alert" : "Incident"}
                </Badge>
                <Link href={`/t/${tenantId}/incidents`} className="font-medium text-brand-700 hover:underline">
                  {causeLabel(incident.cause)}
                </Link>
                <span className="text-slate-600">on</span>
                <Link
                  href={`/t/${tenantId}/endpoints/${incident.endpointId}`}
                  className="truncate font-mono text-brand-700 hover:underline"
                >
                  {endpoints.find((endpoint) => endpoint.id === incident.endpointId)?.name ?? incident.endpointId}
                </Link>
              </div>
              <p className="shrink-0 text-xs text-slate-500">
                {incident.failedAttempts.toLocaleString("en-US")} failed · last seen{" "}
                <Time value={incident.lastSeenAt} />
              </p>
            </li>
          ))}
          {more && (
            <li className="px-5 py-3 text-sm">
              <Link href={`/t/${tenantId}/endpoints`} className="font-medium text-brand-700 hover:underline">
                See all endpoints →
              </Link>
            </li>
          )}
        </ul>
      )}
    </Card>
  );
}

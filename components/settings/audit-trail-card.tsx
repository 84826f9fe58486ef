"use client";
// The tenant's audit trail, for operators (the API's GET /tenants/{t}/audit-events): endpoint
// changes, secret rotations, resends and recoveries, with who did them — for a portal session
// the platform's user as its link named them.
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, Td } from "@/components/ui/table";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { AUDIT_QUERY, auditKey } from "./queries";

export type AuditEvent = Schemas["AuditEvent"];

const ACTOR_LABEL: Record<AuditEvent["actor"]["kind"], string> = {
  portal: "portal",
  user: "account",
  api_key: "API key",
};

function actorName(actor: AuditEvent["actor"]): string {
  if (actor.kind === "api_key") return actor.name ?? actor.id ?? "admin key";
  return actor.name ?? actor.email ?? actor.id ?? "unknown";
}

export function AuditTrailCard({ tenantId, initialPage }: { tenantId: string; initialPage: ListPage<AuditEvent> }) {
  const events = usePagedList({
    queryKey: auditKey(tenantId),
    fetchPage: (cursor) =>
      unwrap(
        api.GET("/tenants/{tenant}/audit-events", {
          params: { path: { tenant: tenantId }, query: { ...AUDIT_QUERY, cursor } },
        }),
      ),
    initialPage,
  });
  return (
    <Card
      title="Audit trail"
      description="Changes to endpoints, secret rotations, resends and recoveries, with who made them. Only operators see this."
    >
      {events.items.length === 0 ? (
        <EmptyState title="Nothing changed yet">
          Changes made in the dashboard, a portal or through the API appear here.
        </EmptyState>
      ) : (
        <Table label="Audit trail" head={["What", "Who", "When"]}>
          {events.items.map((event) => (
            <tr key={event.id}>
              <Td>
                <div className="font-medium text-slate-900">{event.action}</div>
                {event.target && <div className="truncate font-mono text-xs text-slate-500">{event.target.id}</div>}
              </Td>
              <Td>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-slate-900">{actorName(event.actor)}</span>
                  <Badge tone={event.actor.kind === "portal" ? "info" : "neutral"}>
                    {ACTOR_LABEL[event.actor.kind]}
                  </Badge>
                </div>
                {event.actor.email && event.actor.name && (
                  <div className="text-xs text-slate-500">{event.actor.email}</div>
                )}
              </Td>
              <Td>
                <RelativeTime iso={event.createdAt} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <LoadMore query={events} className="mt-4" />
    </Card>
  );
}

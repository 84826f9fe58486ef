// Incidents and health alerts per endpoint, and the backlog per endpoint.
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { zPage } from "@/lib/schemas/common";
import {
  ZEndpointBacklog,
  ZEndpointBacklogQuery,
  ZIncidentView,
  ZListIncidentsQuery,
  ZTenantBacklog,
} from "@/lib/schemas/incidents";
import { defineOperation } from "./api-operation";
import { ok, TENANT, ENDPOINT } from "./catalog-helpers";

export const listIncidents = defineOperation({
  operationId: "listIncidents",
  method: "get",
  path: `${TENANT}/incidents`,
  tag: "Incidents",
  summary: "List incidents and health alerts",
  description:
    "Failures grouped per endpoint and cause (`http_5xx`, `http_4xx`, `timeout`, `connect`, `tls`, `ssrf_blocked`, …; kind `failure`) and health alerts (`success_rate`, `latency_p95`, `backlog`; kind `alert`), newest first. A failure incident resolves by itself after HOOKLINE_INCIDENT_RESOLVE_AFTER successes in a row, an alert when its condition clears; a resolved one whose cause returns reopens (the same incident, `reopenCount` + 1).",
  access: "read",
  query: ZListIncidentsQuery,
  responses: [ok("A page of incidents.", zPage(ZIncidentView))],
});

export const resolveIncident = defineOperation({
  operationId: "resolveIncident",
  method: "post",
  path: `${TENANT}/incidents/{incident}/resolve`,
  tag: "Incidents",
  summary: "Resolve an incident by hand",
  description:
    "Marks an open incident resolved (sends `incident.resolved`). It reopens if its cause returns. A resolved incident is a 409 `incident_not_open`.",
  access: "write",
  responses: [ok("The incident.", ZIncidentView)],
});

export const getTenantBacklog = defineOperation({
  operationId: "getTenantBacklog",
  method: "get",
  path: `${TENANT}/backlog`,
  tag: "Endpoints",
  summary: "Backlog per endpoint",
  description:
    "Every endpoint's queue now: due, scheduled for a later retry, sending, and the age of its oldest pending delivery.",
  access: "read",
  responses: [ok("The backlog of each endpoint.", ZTenantBacklog)],
});

export const getEndpointBacklog = defineOperation({
  operationId: "getEndpointBacklog",
  method: "get",
  path: `${ENDPOINT}/backlog`,
  tag: "Endpoints",
  summary: "An endpoint's backlog over time",
  description:
    "Its queue now, and the workers' per-minute samples over [from, to) (default: the last 24 hours; at most 240 buckets, each with the largest sample in it, 0 where none: nothing was queued; samples are kept 8 days).",
  access: "read",
  query: ZEndpointBacklogQuery,
  responses: [ok("The backlog now and over the range.", ZEndpointBacklog)],
});

/** Answers named in the document's components.schemas. */
export const views = {
  Incident: ZIncidentView,
  TenantBacklog: ZTenantBacklog,
  EndpointBacklog: ZEndpointBacklog,
};

// Incidents and health alerts per endpoint (GET /tenants/{t}/incidents), and the backlog per
// endpoint (GET /tenants/{t}/backlog, GET /tenants/{t}/endpoints/{e}/backlog).
import { z } from "zod";
import { zId, zPageQuery, zTime, zTimeInput } from "./common";

export const ZIncidentView = z.object({
  id: zId("incident"),
  endpointId: zId("endpoint"),
  /** failure: failed tries grouped by cause; alert: a health alert (success_rate, latency_p95, backlog). */
  kind: z.enum(["failure", "alert"]),
  /** http_5xx, http_4xx, timeout, connect, tls, ssrf_blocked, transformation, …; or an alert's cause. */
  cause: z.string(),
  status: z.enum(["open", "resolved"]),
  firstSeenAt: zTime,
  lastSeenAt: zTime,
  /** Start of the current open period: first seen, or when it last reopened. */
  openedAt: zTime,
  resolvedAt: zTime.nullable(),
  /** "auto" (enough successes, or the alert cleared) or who resolved it by hand. */
  resolvedBy: z.string().nullable(),
  reopenCount: z.int(),
  failedAttempts: z.int(),
  /** Messages with a failed try of this cause, each counted once per open period. */
  affectedMessages: z.int(),
  sampleAttempt: z
    .object({
      id: zId("attempt"),
      messageId: zId("message"),
      responseStatus: z.int().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
  /** Alerts: what was observed and the baseline it was compared with. */
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type TIncidentView = z.infer<typeof ZIncidentView>;

export const ZListIncidentsQuery = zPageQuery("incident").extend({
  status: z.enum(["open", "resolved"]).optional(),
  endpointId: zId("endpoint").optional(),
});
export type TListIncidentsQuery = z.input<typeof ZListIncidentsQuery>;

export const ZEndpointBacklogNow = z.object({
  endpointId: zId("endpoint"),
  /** Pending and due now. */
  due: z.int(),
  /** Pending, waiting for a later retry. */
  scheduled: z.int(),
  /** Claimed by a worker, in flight. */
  sending: z.int(),
  /** Age of the oldest pending or sending delivery (since it was created); 0 when none. */
  oldestPendingSeconds: z.int(),
});
export type TEndpointBacklogNow = z.infer<typeof ZEndpointBacklogNow>;

export const ZTenantBacklog = z.object({ data: z.array(ZEndpointBacklogNow) });

export const ZEndpointBacklogQuery = z.strictObject({
  from: zTimeInput.optional(),
  to: zTimeInput.optional(),
});
export type TEndpointBacklogQuery = z.input<typeof ZEndpointBacklogQuery>;

export const ZEndpointBacklog = z.object({
  now: ZEndpointBacklogNow,
  /** Every bucket of the range: the largest per-minute sample the workers' maintenance loop took in it (0: nothing was queued). */
  series: z.array(
    z.object({
      minute: zTime,
      due: z.int(),
      scheduled: z.int(),
      sending: z.int(),
      oldestPendingSeconds: z.int(),
    }),
  ),
});
export type TEndpointBacklog = z.infer<typeof ZEndpointBacklog>;

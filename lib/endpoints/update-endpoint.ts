import "server-only";
import { scheduleToMs } from "@/lib/queue/retry-schedule";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { sealJson, sealSecret } from "@/lib/crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { assertEventTypesExist } from "@/lib/event-types/assert-event-types-exist";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertTransformationCompiles } from "@/lib/transformations/check-transformation";
import { ZUpdateEndpoint, type TUpdateEndpoint } from "@/lib/schemas/endpoints";
import { checkEndpointUrl } from "./check-endpoint-url";
import { egressData } from "./endpoint-egress";
import { routingData } from "./endpoint-routing";
import { toEndpointView, type EndpointView } from "./endpoint-view";
import { refusePushOnlyFields } from "./polling-fields";
import { getEndpointOrThrow } from "./get-endpoint";
import { generateSecretFor } from "./signature-scheme";

/** Changes what is given and leaves the rest; `auth: null` removes receiver authentication. */
export async function updateEndpoint(
  actor: Principal | null,
  tenantId: string,
  endpointId: string,
  input: TUpdateEndpoint,
): Promise<EndpointView> {
  const patch = ZUpdateEndpoint.parse(input);
  const current = await getEndpointOrThrow(tenantId, endpointId);
  if (current.type === "polling") refusePushOnlyFields(patch);
  const data: Prisma.EndpointUpdateInput = { ...routingData(patch), ...(await egressData(patch)) };
  if (patch.url !== undefined && current.type !== "polling") data.url = checkEndpointUrl(patch.url);
  if (patch.eventTypes !== undefined) {
    await assertEventTypesExist(patch.eventTypes);
    data.eventTypes = [...new Set(patch.eventTypes)];
  }
  if (patch.name !== undefined) data.name = patch.name;
  if (patch.description !== undefined) data.description = patch.description;
  if (patch.headers !== undefined)
    data.headersEnc = Object.keys(patch.headers).length ? await sealJson(patch.headers) : null;
  if (patch.auth !== undefined) {
    data.authEnc = patch.auth ? await sealJson(patch.auth) : null;
    data.authType = patch.auth?.type ?? null;
  }
  if (patch.rateLimit !== undefined) data.rateLimit = patch.rateLimit;
  if (patch.maxConcurrency !== undefined) data.maxConcurrency = patch.maxConcurrency;
  if (patch.timeoutMs !== undefined) data.timeoutMs = patch.timeoutMs;
  if (patch.retrySchedule !== undefined) data.retrySchedule = scheduleToMs(patch.retrySchedule);
  if (patch.transformation !== undefined) {
    if (patch.transformation) assertTransformationCompiles(patch.transformation);
    data.transformation = patch.transformation ?? Prisma.DbNull;
  }
  // Another scheme is a rotation to a new key of that kind: the old key keeps signing next to it
  // for the usual overlap (both signatures in one header), so receivers can switch unhurried.
  if (patch.signatureScheme !== undefined && patch.signatureScheme !== current.signatureScheme) {
    data.signatureScheme = patch.signatureScheme;
    data.secretEnc = await sealSecret(generateSecretFor(patch.signatureScheme));
    data.previousSecretEnc = current.secretEnc;
    data.previousSecretExpiresAt = new Date(Date.now() + env().HOOKLINE_SECRET_OVERLAP_MS);
  }
  // Scoped by tenant in the write too; a concurrent delete becomes Prisma's P2025, i.e. 404.
  return db().$transaction(async (tx) => {
    const endpoint = await tx.endpoint.update({ where: { id: endpointId, tenantId }, data });
    await recordAuditEvent(
      tx,
      actor,
      tenantId,
      "endpoint.updated",
      { type: "endpoint", id: endpoint.id },
      { fields: Object.keys(patch).sort() },
    );
    return toEndpointView(endpoint);
  });
}

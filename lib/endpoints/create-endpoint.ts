import "server-only";
import { scheduleToMs } from "@/lib/queue/retry-schedule";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { sealJson, sealSecret } from "@/lib/crypto";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { generatePollingToken } from "@/lib/polling/polling-token";
import { ZCreateEndpoint, type TCreateEndpoint } from "@/lib/schemas/endpoints";
import { assertEventTypesExist } from "@/lib/event-types/assert-event-types-exist";
import { assertTransformationCompiles } from "@/lib/transformations/check-transformation";
import { checkEndpointUrl } from "./check-endpoint-url";
import { refusePushOnlyFields, type PushOnlyFields } from "./polling-fields";
import { egressData } from "./endpoint-egress";
import { routingData } from "./endpoint-routing";
import { resolveSigning } from "./signature-scheme";
import { toEndpointView, type EndpointView } from "./endpoint-view";

/** A polling endpoint takes none of a push's settings; its token is made here and shown once, in the answer. */
function pollingEndpointToken(data: PushOnlyFields) {
  refusePushOnlyFields(data);
  return generatePollingToken();
}

/** Registers a receiver for a tenant. The signing secret (or v1a key) is generated unless given. */
export async function createEndpoint(
  actor: Principal | null,
  tenantId: string,
  input: TCreateEndpoint,
): Promise<EndpointView & { pollingToken?: string }> {
  const data = ZCreateEndpoint.parse(input);
  const polling = data.type === "polling" ? pollingEndpointToken(data) : null;
  const url = polling ? "" : checkEndpointUrl(data.url);
  await assertEventTypesExist(data.eventTypes);
  if (data.transformation) assertTransformationCompiles(data.transformation);
  const { secret, signatureScheme } = resolveSigning(data.secret, data.signatureScheme);
  const sealed = {
    secretEnc: await sealSecret(secret),
    headersEnc: Object.keys(data.headers).length ? await sealJson(data.headers) : null,
    authEnc: data.auth ? await sealJson(data.auth) : null,
    ...(await egressData(data)),
  };
  return db().$transaction(async (tx) => {
    const endpoint = await tx.endpoint.create({
      data: {
        id: newId("endpoint"),
        tenantId,
        type: data.type,
        pollingTokenHash: polling?.hash ?? null,
        url,
        name: data.name,
        description: data.description,
        eventTypes: [...new Set(data.eventTypes)],
        ...sealed,
        authType: data.auth?.type ?? null,
        signatureScheme,
        rateLimit: data.rateLimit,
        maxConcurrency: data.maxConcurrency,
        timeoutMs: data.timeoutMs,
        ...routingData(data),
        retrySchedule: scheduleToMs(data.retrySchedule),
        transformation: data.transformation ?? undefined,
        ...(data.disabled ? { disabledAt: new Date(), disabledReason: "manual" } : {}),
      },
    });
    await recordAuditEvent(tx, actor, tenantId, "endpoint.created", { type: "endpoint", id: endpoint.id }, { url });
    return polling ? { ...toEndpointView(endpoint), pollingToken: polling.token } : toEndpointView(endpoint);
  });
}

import "server-only";
import { sealJson, sealSecret } from "@/lib/crypto";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { ZCreateEndpoint, type TCreateEndpoint } from "@/lib/schemas/endpoints";
import { generateSecret } from "@/lib/signing";
import { assertEventTypesExist } from "@/lib/event-types/assert-event-types-exist";
import { checkEndpointUrl } from "./check-endpoint-url";
import { toEndpointView, type EndpointView } from "./endpoint-view";

/** Registers a receiver for a tenant. The signing secret is generated unless given. */
export async function createEndpoint(tenantId: string, input: TCreateEndpoint): Promise<EndpointView> {
  const data = ZCreateEndpoint.parse(input);
  const url = checkEndpointUrl(data.url);
  await assertEventTypesExist(data.eventTypes);
  const endpoint = await db().endpoint.create({
    data: {
      id: newId("endpoint"),
      tenantId,
      url,
      name: data.name,
      description: data.description,
      eventTypes: [...new Set(data.eventTypes)],
      secretEnc: await sealSecret(data.secret ?? generateSecret()),
      headersEnc: Object.keys(data.headers).length ? await sealJson(data.headers) : null,
      authEnc: data.auth ? await sealJson(data.auth) : null,
      authType: data.auth?.type ?? null,
      rateLimit: data.rateLimit,
      maxConcurrency: data.maxConcurrency,
      timeoutMs: data.timeoutMs,
      ...(data.disabled ? { disabledAt: new Date(), disabledReason: "manual" } : {}),
    },
  });
  return toEndpointView(endpoint);
}

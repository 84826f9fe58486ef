// Rows the integration tests need, created through lib/ where lib/ has a function for it.
import { generateApiKey } from "@/lib/api-keys/api-key-format";
import { db } from "@/lib/db";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { createEventType } from "@/lib/event-types/create-event-type";
import type { Role } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import type { TCreateEndpoint } from "@/lib/schemas/endpoints";
import type { TCreateEventType } from "@/lib/schemas/event-types";

export async function createTenant(name = "Acme"): Promise<string> {
  const tenant = await db().tenant.create({ data: { id: newId("tenant"), name } });
  return tenant.id;
}

/** An API key; without a tenant it is platform-wide. Returns the plaintext key. */
export async function createApiKey(options: { tenantId?: string; role?: Role } = {}): Promise<string> {
  const { key, prefix, hash } = generateApiKey();
  await db().apiKey.create({
    data: {
      id: newId("apiKey"),
      tenantId: options.tenantId ?? null,
      role: options.tenantId ? (options.role ?? "admin") : null,
      name: "test",
      prefix,
      hash,
    },
  });
  return key;
}

let eventTypeCounter = 0;
export async function createTestEventType(input: Partial<TCreateEventType> = {}) {
  return createEventType({ name: input.name ?? `test.event${++eventTypeCounter}`, ...input });
}

export async function createTestEndpoint(tenantId: string, input: TCreateEndpoint) {
  return createEndpoint(null, tenantId, input);
}

/** The plaintext signing secret of an endpoint (what the tenant copies into their receiver). */
export async function endpointSecret(endpointId: string): Promise<string> {
  const { openSecret } = await import("@/lib/crypto");
  const row = await db().endpoint.findUniqueOrThrow({ where: { id: endpointId } });
  return openSecret(row.secretEnc);
}

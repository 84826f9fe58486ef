// Two tenants full of real objects (endpoints, a published message with an attempt, members,
// invites, keys of every role), for the tests that walk every API route: the role matrix,
// tenant isolation and the documented-schema checks. Built through lib/ where lib/ can.
import { parseApiKey } from "@/lib/api-keys/api-key-format";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import { createInvite } from "@/lib/invites";
import { publishMessages } from "@/lib/messages/publish-messages";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "./fixtures";

export interface TenantWorld {
  id: string;
  keys: Record<Role, string>;
  endpointId: string;
  messageId: string;
  inviteId: string;
  /** A viewer member (not an owner), safe to change. */
  memberUserId: string;
  /** A viewer key's id, safe to look at and revoke. */
  apiKeyId: string;
}

export interface World {
  a: TenantWorld;
  b: TenantWorld;
  platformKey: string;
  /** An event type every tenant can publish. */
  eventType: string;
}

let counter = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${++counter}`;

export async function keyIdOf(key: string): Promise<string> {
  const row = await db().apiKey.findUniqueOrThrow({ where: { prefix: parseApiKey(key)!.prefix } });
  return row.id;
}

export async function freshMember(tenantId: string, role: Role = "viewer"): Promise<string> {
  const user = await db().user.create({
    data: {
      id: newId("user"),
      email: `${unique("member")}@example.test`,
      passwordHash: "x",
      memberships: { create: { tenantId, role } },
    },
  });
  return user.id;
}

export async function freshInvite(tenantId: string): Promise<string> {
  return (
    await createInvite({ tenantId, role: "owner" }, { email: `${unique("invitee")}@example.test`, role: "viewer" })
  ).id;
}

export async function freshEndpoint(tenantId: string): Promise<string> {
  return (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/hook" })).id;
}

/** An open incident (5xx answers) on a fresh endpoint, safe to resolve. */
export async function freshIncident(tenantId: string): Promise<string> {
  const now = new Date();
  const incident = await db().incident.create({
    data: {
      id: newId("incident"),
      tenantId,
      endpointId: await freshEndpoint(tenantId),
      kind: "failure",
      cause: "http_5xx",
      firstSeenAt: now,
      lastSeenAt: now,
      openedAt: now,
      failedAttempts: 1,
      affectedMessages: 1,
    },
  });
  return incident.id;
}

/** A delivery attempt as the worker records it (no worker runs in these tests). */
export async function recordAttempt(
  tenantId: string,
  messageId: string,
  endpointId: string,
  number = 1,
): Promise<string> {
  const delivery = await db().delivery.findFirstOrThrow({ where: { tenantId, messageId, endpointId } });
  const attempt = await db().attempt.create({
    data: {
      id: newId("attempt"),
      tenantId,
      deliveryId: delivery.id,
      messageId,
      endpointId,
      number,
      trigger: "scheduled",
      url: "http://127.0.0.1:9/hook",
      startedAt: new Date(),
      durationMs: 12,
      responseStatus: 500,
      requestHeaders: { "webhook-id": messageId, "content-type": "application/json" },
      responseHeaders: { "content-type": "text/plain" },
      responseBody: "boom",
      errorKind: "http_status",
      errorMessage: "HTTP 500",
    },
  });
  return attempt.id;
}

async function tenantWorld(name: string, eventType: string): Promise<TenantWorld> {
  const id = await createTenant(name);
  const keys = {
    owner: await createApiKey({ tenantId: id, role: "owner" }),
    admin: await createApiKey({ tenantId: id, role: "admin" }),
    viewer: await createApiKey({ tenantId: id, role: "viewer" }),
  };
  const endpointId = await freshEndpoint(id);
  const [message] = await publishMessages(id, [{ eventType, payload: { hello: name } }]);
  await recordAttempt(id, message!.id, endpointId);
  await freshMember(id, "owner");
  return {
    id,
    keys,
    endpointId,
    messageId: message!.id,
    inviteId: await freshInvite(id),
    memberUserId: await freshMember(id, "viewer"),
    apiKeyId: await keyIdOf(await createApiKey({ tenantId: id, role: "viewer" })),
  };
}

export async function createWorld(): Promise<World> {
  const eventType = unique("world.event");
  await createTestEventType({ name: eventType, example: { hello: "world" } });
  return {
    eventType,
    platformKey: await createApiKey(),
    a: await tenantWorld("Tenant A", eventType),
    b: await tenantWorld("Tenant B", eventType),
  };
}

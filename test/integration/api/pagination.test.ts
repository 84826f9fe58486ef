// Every list of the API pages the same way, generated from the operation list: newest first by
// id, `limit` rows a page, `nextCursor` until the last page, no row twice or missing across
// three pages, and a bad `limit` or `cursor` is a 422 naming it, never a 500.
process.env.HOOKLINE_API_RATE_LIMIT = "0";

import { beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit";
import { db, pool } from "@/lib/db";
import { newId } from "@/lib/ids";
import { publishMessages } from "@/lib/messages/publish-messages";
import { OPERATIONS } from "@/lib/openapi";
import { CASES } from "../../helpers/api-cases";
import {
  createWorld,
  freshEndpoint,
  freshInvite,
  freshMember,
  recordAttempt,
  unique,
  type World,
} from "../../helpers/api-world";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEventType } from "../../helpers/fixtures";
import { callOperation } from "../../helpers/route-modules";

const times = async (count: number, make: () => Promise<unknown>) => {
  for (let index = 0; index < count; index++) await make();
};

/** Puts at least five more rows into each list's view (of tenant A, as the platform sees it). */
const SEED: Record<string, (world: World) => Promise<void>> = {
  listTenants: () => times(5, () => createTenant(unique("Paged "))),
  listTenantUsage: () => times(5, () => createTenant(unique("Used "))),
  listMembers: (world) => times(5, () => freshMember(world.a.id)),
  listInvites: (world) => times(5, () => freshInvite(world.a.id)),
  listApiKeys: (world) => times(5, () => createApiKey({ tenantId: world.a.id, role: "viewer" })),
  listEventTypes: () => times(5, () => createTestEventType({ name: unique("paged.type") })),
  listEndpoints: (world) => times(5, () => freshEndpoint(world.a.id)),
  listMessages: (world) => times(5, () => publishMessages(world.a.id, [{ eventType: world.eventType, payload: {} }])),
  listAttempts: (world) => times(5, () => recordAttempt(world.a.id, world.a.messageId, world.a.endpointId, 2)),
  listEndpointAttempts: (world) => times(5, () => recordAttempt(world.a.id, world.a.messageId, world.a.endpointId, 3)),
  listIncidents: async (world) => {
    for (const status of [500, 502, 503, 504, 429]) {
      const now = new Date();
      await db().incident.create({
        data: {
          id: newId("incident"),
          tenantId: world.a.id,
          endpointId: world.a.endpointId,
          kind: "failure",
          cause: unique(`http_${status}_`),
          firstSeenAt: now,
          lastSeenAt: now,
          openedAt: now,
        },
      });
    }
  },
  listAuditEvents: (world) =>
    times(5, () =>
      recordAuditEvent(
        pool(),
        { kind: "portal", tenantId: world.a.id, role: "admin", actor: { id: "u1", email: null, name: null } },
        world.a.id,
        "endpoint.updated",
        { type: "endpoint", id: world.a.endpointId },
      ),
    ),
};

// The poll route's cursor acknowledges what came before it: a queue, not a list (test/integration/polling).
const LISTS = OPERATIONS.filter(
  (operation) => operation.query?.shape.cursor !== undefined && operation.operationId !== "pollMessages",
);

describe("pagination", () => {
  useTestDatabase();
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it("should have a seed for every list operation", () => {
    expect(Object.keys(SEED).sort()).toEqual(LISTS.map((operation) => operation.operationId).sort());
  });

  describe.each(LISTS.map((operation) => ({ operationId: operation.operationId, operation })))(
    "$operationId",
    ({ operation }) => {
      async function list(query: Record<string, string>) {
        const request = await CASES[operation.operationId]!(world, world.a);
        return callOperation(operation, {
          params: request.params,
          query: { ...request.query, ...query },
          key: world.platformKey,
        });
      }

      it("should walk three or more pages newest first without gaps or repeats", async () => {
        await SEED[operation.operationId]!(world);
        const all = (await list({ limit: "250" })).body as {
          data: Array<Record<string, string>>;
          nextCursor: string | null;
        };
        expect(all.nextCursor).toBeNull();
        const keyOf = (row: Record<string, string>) => row.id ?? row.userId!;
        const expected = all.data.map(keyOf);
        expect(expected.length).toBeGreaterThanOrEqual(5);
        expect([...expected].sort().reverse()).toEqual(expected);

        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const response = await list({ limit: "2", ...(cursor ? { cursor } : {}) });
          expect(response.status).toBe(200);
          const page = response.body as { data: Array<Record<string, string>>; nextCursor: string | null };
          expect(page.data.length).toBeLessThanOrEqual(2);
          seen.push(...page.data.map(keyOf));
          cursor = page.nextCursor;
          pages++;
        } while (cursor);
        expect(pages).toBeGreaterThanOrEqual(3);
        expect(seen).toEqual(expected);
      });

      it("should default to 50 rows a page", async () => {
        const response = await list({});
        expect((response.body as { data: unknown[] }).data.length).toBeLessThanOrEqual(50);
      });

      it.each([
        { name: "a cursor that is not an id", query: { cursor: "garbage" }, path: "cursor" },
        { name: "a cursor of another kind", query: { cursor: "zzz_01J0000000000000000000000Z" }, path: "cursor" },
        { name: "limit 0", query: { limit: "0" }, path: "limit" },
        { name: "limit 251", query: { limit: "251" }, path: "limit" },
        { name: "a limit that is not a number", query: { limit: "ten" }, path: "limit" },
      ] as Array<{ name: string; query: Record<string, string>; path: string }>)(
        "should answer 422 for $name",
        async ({ query, path }) => {
          const response = await list(query);
          expect(response.status).toBe(422);
          expect(response.body).toMatchObject({
            error: { code: "validation_failed", details: [expect.objectContaining({ path })] },
          });
        },
      );
    },
  );
});

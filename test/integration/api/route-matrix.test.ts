// Every documented operation, called by every kind of caller, generated from one table
// (the catalog entries, lib/openapi/<noun>.ts, for who may call what, test/helpers/api-cases.ts for a valid
// request): the status each caller gets, a body matching the documented schema every time, and
// nothing written when a caller is refused. Then tenant isolation: tenant A's owner gets 404
// for every tenant-B object on every route, and tenant B is left untouched.
process.env.HOOKLINE_API_RATE_LIMIT = "0"; // hundreds of calls per key; limits have their own test

import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument, OPERATIONS, type Access, type ApiOperation } from "@/lib/openapi";
import { CASES } from "../../helpers/api-cases";
import { createWorld, type World } from "../../helpers/api-world";
import { useTestDatabase } from "../../helpers/database";
import { snapshotDatabase } from "../../helpers/database-snapshot";
import { responseChecker } from "../../helpers/openapi-responses";
import { callOperation } from "../../helpers/route-modules";

const CALLERS = ["platform", "owner", "admin", "viewer", "other tenant", "no key"] as const;
type Caller = (typeof CALLERS)[number];

const SUCCESS = 0; // stands for the operation's documented success status

/** Who gets what, by the operation's access level. */
const EXPECTED: Record<Access, Record<Caller, number>> = {
  public: {
    platform: SUCCESS,
    owner: SUCCESS,
    admin: SUCCESS,
    viewer: SUCCESS,
    "other tenant": SUCCESS,
    "no key": SUCCESS,
  },
  authenticated: {
    platform: SUCCESS,
    owner: SUCCESS,
    admin: SUCCESS,
    viewer: SUCCESS,
    "other tenant": SUCCESS,
    "no key": 401,
  },
  platform: { platform: SUCCESS, owner: 403, admin: 403, viewer: 403, "other tenant": 403, "no key": 401 },
  read: { platform: SUCCESS, owner: SUCCESS, admin: SUCCESS, viewer: SUCCESS, "other tenant": 404, "no key": 401 },
  write: { platform: SUCCESS, owner: SUCCESS, admin: SUCCESS, viewer: 403, "other tenant": 404, "no key": 401 },
  manage: { platform: SUCCESS, owner: SUCCESS, admin: 403, viewer: 403, "other tenant": 404, "no key": 401 },
};

const TENANT_SCOPED: Access[] = ["read", "write", "manage"];

describe("API routes", () => {
  useTestDatabase();
  let world: World;
  let check: ReturnType<typeof responseChecker>;

  beforeAll(async () => {
    world = await createWorld();
    check = responseChecker(await buildOpenApiDocument());
  });

  function keyOf(caller: Caller): string | null {
    switch (caller) {
      case "platform":
        return world.platformKey;
      case "other tenant":
        return world.b.keys.owner;
      case "no key":
        return null;
      default:
        return world.a.keys[caller];
    }
  }

  async function send(
    operation: ApiOperation,
    request: Awaited<ReturnType<(typeof CASES)[string]>>,
    key: string | null,
  ) {
    const response = await callOperation(operation, {
      params: request.params,
      body: request.body,
      query: request.query,
      key,
    });
    check(operation, response.status, response.body);
    return response;
  }

  it("should have a request case for every documented operation, and no stale ones", () => {
    expect(Object.keys(CASES).sort()).toEqual(OPERATIONS.map((operation) => operation.operationId).sort());
  });

  describe.each(OPERATIONS.map((operation) => ({ operationId: operation.operationId, operation })))(
    "$operationId",
    ({ operation }) => {
      it.each(CALLERS.map((caller) => ({ caller, expected: EXPECTED[operation.access][caller] })))(
        "should answer $caller with the documented status and schema",
        async ({ caller, expected }) => {
          const request = await CASES[operation.operationId]!(world, world.a);
          const before = expected === SUCCESS ? null : await snapshotDatabase();
          const response = await send(operation, request, keyOf(caller));
          if (expected === SUCCESS) {
            expect(operation.responses.map((documented) => documented.status as number)).toContain(response.status);
          } else {
            expect(response.status).toBe(expected);
            expect(await snapshotDatabase()).toBe(before);
          }
        },
      );
    },
  );

  describe("tenant isolation", () => {
    const scoped = OPERATIONS.filter((operation) => TENANT_SCOPED.includes(operation.access));

    it.each(scoped.map((operation) => ({ operationId: operation.operationId, operation })))(
      "should answer 404 to tenant A's owner for tenant B's objects on $operationId",
      async ({ operation }) => {
        const request = await CASES[operation.operationId]!(world, world.b);
        const before = await snapshotDatabase();
        const response = await send(operation, request, world.a.keys.owner);
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ error: { code: "not_found" } });

        // Tenant B's ids under tenant A's own path are just as unknown.
        const ownIds = Object.keys(request.params).filter((name) => name !== "tenant");
        if (request.params.tenant && ownIds.length) {
          const mixed = await send(
            operation,
            { ...request, params: { ...request.params, tenant: world.a.id } },
            world.a.keys.owner,
          );
          expect(mixed.status).toBe(404);
        }
        expect(await snapshotDatabase()).toBe(before);
      },
    );
  });
});

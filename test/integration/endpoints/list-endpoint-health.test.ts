// The endpoint table's health column (GET …/endpoints/health): per endpoint of the tenant, the
// last 24 hours from the per-minute rollups and its latest attempt; and the list's `failing`
// filter that the overview uses.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/health/route";
import { GET as listRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { db } from "@/lib/db";
import { disableEndpoint } from "@/lib/endpoints";
import { publishMessages } from "@/lib/messages/publish-messages";
import { addSample, emptyHistogram } from "@/lib/stats";
import { callRoute } from "../../helpers/api";
import { recordAttempt } from "../../helpers/api-world";
import { useTestDatabase } from "../../helpers/database";
import { insertStatsRow } from "../../helpers/stats";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

interface Health {
  endpointId: string;
  stats: { total: number; succeeded: number; failed: number; successRate: number | null; p95Ms: number | null };
  lastAttempt: { id: string; startedAt: string; status: number | null; errorKind: string | null } | null;
}

async function insertRollup(
  tenantId: string,
  endpointId: string,
  minutesAgo: number,
  outcome: { succeeded: number; failed: number; latenciesMs: number[] },
) {
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutesAgo * 60_000);
  const histogram = outcome.latenciesMs.reduce((sum, ms) => addSample(sum, ms), emptyHistogram());
  const latencySum = outcome.latenciesMs.reduce((sum, ms) => sum + ms, 0);
  await insertStatsRow({
    endpointId,
    minute,
    tenantId,
    succeeded: outcome.succeeded,
    failed: outcome.failed,
    latencySumMs: latencySum,
    histogram,
  });
}

const WELL_FORMED = "ep_01JZZZZZZZZZZZZZZZZZZZZZZZ";

describe("endpoint health API", () => {
  useTestDatabase();
  let tenantId: string;
  let key: string;
  let busy: string;
  let quiet: string;
  let otherTenantEndpoint: string;

  beforeAll(async () => {
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "viewer" });
    await createTestEventType({ name: "invoice.paid" });
    busy = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/busy" })).id;
    quiet = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/quiet" })).id;
    const otherTenant = await createTenant("Other");
    otherTenantEndpoint = (await createTestEndpoint(otherTenant, { url: "http://127.0.0.1:9/other" })).id;
    await insertRollup(otherTenant, otherTenantEndpoint, 5, { succeeded: 9, failed: 0, latenciesMs: Array(9).fill(5) });

    // 18 successes and 2 failures in the window; the 95th-slowest of 20 is one of the 900 ms ones.
    await insertRollup(tenantId, busy, 10, { succeeded: 9, failed: 1, latenciesMs: [...Array(9).fill(20), 900] });
    await insertRollup(tenantId, busy, 120, { succeeded: 9, failed: 1, latenciesMs: [...Array(9).fill(20), 900] });
    // Older than 24 hours: not counted.
    await insertRollup(tenantId, busy, 25 * 60, { succeeded: 0, failed: 50, latenciesMs: Array(50).fill(5_000) });
    const [message] = await publishMessages(tenantId, [{ eventType: "invoice.paid", payload: {} }]);
    await recordAttempt(tenantId, message!.id, busy, 1);
  });

  const health = (endpoints: string) =>
    callRoute(healthRoute, { params: { tenant: tenantId }, key, query: { endpoints } });

  it("should answer 24 h success rate, p95 and the latest attempt per endpoint, from the rollups", async () => {
    const response = await health(`${busy},${quiet}`);
    expect(response.status).toBe(200);
    const body = response.body as { from: string; to: string; data: Health[] };
    expect(new Date(body.to).getTime() - new Date(body.from).getTime()).toBe(24 * 3_600_000);
    const byId = new Map(body.data.map((entry) => [entry.endpointId, entry]));

    const busyHealth = byId.get(busy)!;
    expect(busyHealth.stats).toMatchObject({ total: 20, succeeded: 18, failed: 2, successRate: 0.9 });
    expect(busyHealth.stats.p95Ms).toBeGreaterThan(500);
    expect(busyHealth.stats.p95Ms).toBeLessThanOrEqual(1_050);
    const attempt = await db().attempt.findFirstOrThrow({ where: { endpointId: busy } });
    expect(busyHealth.lastAttempt).toEqual({
      id: attempt.id,
      startedAt: attempt.startedAt.toISOString(),
      status: 500,
      errorKind: "http_status",
    });

    expect(byId.get(quiet)).toEqual({
      endpointId: quiet,
      stats: expect.objectContaining({ total: 0, successRate: null, p95Ms: null }),
      lastAttempt: null,
    });
  });

  it("should leave out endpoints of other tenants and unknown ids", async () => {
    const response = await health(`${otherTenantEndpoint},${quiet},${WELL_FORMED}`);
    expect(response.status).toBe(200);
    expect((response.body as { data: Health[] }).data.map((entry) => entry.endpointId)).toEqual([quiet]);
  });

  it.each([
    { name: "no endpoints", query: {} },
    { name: "a malformed id", query: { endpoints: `${WELL_FORMED},msg_01JZZZZZZZZZZZZZZZZZZZZZZZ` } },
    { name: "more than 250 ids", query: { endpoints: Array(251).fill(WELL_FORMED).join(",") } },
  ] as Array<{ name: string; query: Record<string, string> }>)("should answer 422 for $name", async ({ query }) => {
    const response = await callRoute(healthRoute, { params: { tenant: tenantId }, key, query });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      error: {
        code: "validation_failed",
        details: [expect.objectContaining({ path: expect.stringMatching(/^endpoints/) })],
      },
    });
    expect((response.body as { error: { details: unknown[] } }).error.details).toHaveLength(1);
  });

  it("should list failing endpoints (enabled, with a run of failures) apart from disabled ones", async () => {
    const failing = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/failing" })).id;
    await db().endpoint.update({
      where: { id: failing },
      data: { failingSince: new Date(Date.now() - 3_600_000), failuresSinceSuccess: 4 },
    });
    const disabled = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/off" })).id;
    await db().endpoint.update({ where: { id: disabled }, data: { failingSince: new Date() } });
    await disableEndpoint(null, tenantId, disabled, "failing");

    const list = async (status: string) =>
      (
        (await callRoute(listRoute, { params: { tenant: tenantId }, key, query: { status } })).body as {
          data: Array<{ id: string }>;
        }
      ).data.map((endpoint) => endpoint.id);
    expect(await list("failing")).toEqual([failing]);
    expect(await list("disabled")).toEqual([disabled]);
    expect(await list("enabled")).toEqual(expect.arrayContaining([failing, busy, quiet]));
    expect(await list("enabled")).not.toContain(disabled);
  });
});

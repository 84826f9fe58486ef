// Health alerts from the rollups: a simulated drop (statistics with a 7-day baseline for the
// hour, then a bad hour) opens success-rate and p95 alerts; recovery resolves them; a backlog
// that keeps growing for M minutes opens the backlog alert, and shrinking resolves it.
import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { evaluateHealthAlerts, type AlertSettings } from "@/lib/incidents";
import { addSample, emptyHistogram } from "@/lib/stats";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint } from "../../helpers/fixtures";
import { insertStatsRow } from "../../helpers/stats";

const SETTINGS: AlertSettings = { successRateMargin: 20, latencyFactor: 2, backlogMinutes: 15 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function histogramOf(ms: number, count: number): number[] {
  let histogram = emptyHistogram();
  for (let index = 0; index < count; index++) histogram = addSample(histogram, ms);
  return histogram;
}

describe("health alerts", () => {
  useTestDatabase();

  async function stats(tenantId: string, endpointId: string, minute: Date, ok: number, failed: number, ms: number) {
    await insertStatsRow({
      tenantId,
      endpointId,
      minute,
      succeeded: ok,
      failed,
      latencySumMs: ms * (ok + failed),
      histogram: histogramOf(ms, ok + failed),
    });
  }

  const alert = (endpointId: string, cause: string) =>
    db().incident.findUnique({ where: { endpointId_cause: { endpointId, cause } } });

  it("should open success-rate and latency alerts on a drop below the 7-day baseline, and resolve on recovery", async () => {
    const tenantId = await createTenant("Alerts");
    const endpoint = await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/drop" });
    const quiet = await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/steady" });
    const at = new Date("2026-11-20T12:40:00.000Z");
    // The baseline: 12:00 and 13:00 on each of the 7 days before, 95 % success at 50 ms.
    for (let day = 1; day <= 7; day++)
      for (const hour of [12, 13])
        for (const target of [endpoint.id, quiet.id])
          await stats(
            tenantId,
            target,
            new Date(at.getTime() - day * DAY + (hour - 12) * HOUR - 30 * 60_000),
            95,
            5,
            50,
          );

    // The last hour: the endpoint drops to 30 % success at 800 ms; the other one is as usual.
    await stats(tenantId, endpoint.id, new Date(at.getTime() - 20 * 60_000), 30, 70, 800);
    await stats(tenantId, quiet.id, new Date(at.getTime() - 20 * 60_000), 96, 4, 55);
    expect(await evaluateHealthAlerts(SETTINGS, at)).toEqual({ opened: 2, resolved: 0 });
    const rate = await alert(endpoint.id, "success_rate");
    expect(rate).toMatchObject({ kind: "alert", status: "open", tenantId });
    expect(rate!.details).toMatchObject({ observedRate: 30, baselineRate: 95, attempts: 100 });
    const latency = await alert(endpoint.id, "latency_p95");
    expect(latency).toMatchObject({ kind: "alert", status: "open" });
    expect((latency!.details as { observedP95Ms: number; baselineP95Ms: number }).observedP95Ms).toBeGreaterThan(
      2 * (latency!.details as { baselineP95Ms: number }).baselineP95Ms,
    );
    expect(await db().incident.count({ where: { endpointId: quiet.id } })).toBe(0);

    // Still bad a minute later: nothing new opens.
    expect(await evaluateHealthAlerts(SETTINGS, new Date(at.getTime() + 60_000))).toEqual({ opened: 0, resolved: 0 });

    // An hour later it is back to normal: both resolve by themselves.
    const later = new Date(at.getTime() + HOUR);
    await stats(tenantId, endpoint.id, new Date(later.getTime() - 10 * 60_000), 97, 3, 45);
    expect(await evaluateHealthAlerts(SETTINGS, later)).toEqual({ opened: 0, resolved: 2 });
    expect(await alert(endpoint.id, "success_rate")).toMatchObject({ status: "resolved", resolvedBy: "auto" });

    // Another drop reopens the same alert.
    const again = new Date(later.getTime() + 2 * HOUR);
    for (let day = 1; day <= 7; day++)
      await stats(tenantId, endpoint.id, new Date(again.getTime() - day * DAY - 30 * 60_000), 95, 5, 50);
    await stats(tenantId, endpoint.id, new Date(again.getTime() - 5 * 60_000), 10, 90, 50);
    expect(await evaluateHealthAlerts(SETTINGS, again)).toEqual({ opened: 1, resolved: 0 });
    expect(await alert(endpoint.id, "success_rate")).toMatchObject({ id: rate!.id, status: "open", reopenCount: 1 });

    // No traffic at all the next day: nothing to judge, so it resolves.
    expect(await evaluateHealthAlerts(SETTINGS, new Date(again.getTime() + DAY))).toEqual({ opened: 0, resolved: 1 });
  });

  it("should not judge an endpoint with too little traffic", async () => {
    const tenantId = await createTenant("Little");
    const endpoint = await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/little" });
    const at = new Date("2026-11-21T08:40:00.000Z");
    for (let day = 1; day <= 7; day++)
      await stats(tenantId, endpoint.id, new Date(at.getTime() - day * DAY - 30 * 60_000), 95, 5, 50);
    await stats(tenantId, endpoint.id, new Date(at.getTime() - 10 * 60_000), 1, 9, 50);
    await evaluateHealthAlerts(SETTINGS, at);
    expect(await db().incident.count({ where: { endpointId: endpoint.id } })).toBe(0);
  });

  it("should open the backlog alert when the due backlog grows for M minutes, and resolve when it shrinks", async () => {
    const tenantId = await createTenant("Backlog");
    const endpoint = await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/backlog" });
    const steady = await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/steady-backlog" });
    const at = new Date("2026-11-22T10:00:00.000Z");
    const sample = (endpointId: string, minutesAgo: number, due: number, from = at) =>
      pool().query(
        `INSERT INTO endpoint_backlog (endpoint_id, minute, tenant_id, due, scheduled, sending, oldest_pending_seconds)
         VALUES ($1, $2, $3, $4, 0, 0, 60)`,
        [endpointId, new Date(from.getTime() - minutesAgo * 60_000), tenantId, due],
      );
    for (let minutesAgo = 16; minutesAgo >= 0; minutesAgo--) {
      await sample(endpoint.id, minutesAgo, 100 + (16 - minutesAgo) * 10);
      await sample(steady.id, minutesAgo, minutesAgo % 2 ? 5 : 6); // there, but not growing
    }
    expect(await evaluateHealthAlerts(SETTINGS, at)).toEqual({ opened: 1, resolved: 0 });
    const opened = await alert(endpoint.id, "backlog");
    expect(opened).toMatchObject({ status: "open", kind: "alert" });
    expect(opened!.details).toMatchObject({ due: 260, dueBefore: 100, minutes: 15 });
    expect(await alert(steady.id, "backlog")).toBeNull();

    // Five minutes on it has been drained below where it was 15 minutes before: resolved.
    const later = new Date(at.getTime() + 5 * 60_000);
    for (let minutesAgo = 4; minutesAgo >= 0; minutesAgo--) await sample(endpoint.id, minutesAgo, 50, later);
    expect(await evaluateHealthAlerts(SETTINGS, later)).toEqual({ opened: 0, resolved: 1 });
    expect(await alert(endpoint.id, "backlog")).toMatchObject({ status: "resolved", resolvedBy: "auto" });
  });
});

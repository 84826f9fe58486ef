// The readers mix hourly rows (whole hours; the tenant's own for a whole tenant) with minute
// rows (the ragged first and last hour): on random data written through the worker's own
// upserts, every range, granularity and grouping must give exactly what summing the minute rows
// alone gives.
import { beforeAll, describe, expect, it } from "vitest";
import { withTransaction } from "@/lib/db";
import { isSuccess, type AttemptRecord } from "@/lib/recording/attempt-record";
import { upsertEndpointStats, upsertTenantStats } from "@/lib/stats/upsert-endpoint-stats";
import { addSample, BUCKET_COUNT, emptyHistogram } from "@/lib/stats";
import { sumRollupsByEndpoint, sumRollupsByTime, type Granularity } from "@/lib/stats/sum-rollups";
import type { StatsCounts } from "@/lib/stats/summarize-stats";
import { randomAttemptRecords, seededRandom } from "../../helpers/attempt-records";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint } from "../../helpers/fixtures";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const STEP: Record<Granularity, number> = { minute: MINUTE, hour: HOUR, day: DAY };
const SEED = 20_261_126;

interface Sums {
  succeeded: number;
  failed: number;
  latencySumMs: number;
  histogram: number[];
}

const normalize = (counts: StatsCounts): Sums => ({
  succeeded: counts.succeeded,
  failed: counts.failed,
  latencySumMs: Number(counts.latencySumMs),
  histogram: Array.from({ length: BUCKET_COUNT }, (_, index) => counts.histogram[index] ?? 0),
});

/** What summing minute rows gives: a record counts when its minute m has from <= m < to. */
function reference(
  records: readonly AttemptRecord[],
  from: Date,
  to: Date,
  keyOf: (record: AttemptRecord, minute: number) => string | number,
): Map<string | number, Sums> {
  const sums = new Map<string | number, Sums>();
  for (const record of records) {
    const minute = Math.floor(record.response.startedAt.getTime() / MINUTE) * MINUTE;
    if (minute < from.getTime() || minute >= to.getTime()) continue;
    const key = keyOf(record, minute);
    const sum = sums.get(key) ?? { succeeded: 0, failed: 0, latencySumMs: 0, histogram: emptyHistogram() };
    if (isSuccess(record.response)) sum.succeeded++;
    else sum.failed++;
    sum.latencySumMs += record.response.durationMs;
    addSample(sum.histogram, record.response.durationMs);
    sums.set(key, sum);
  }
  return sums;
}

const mapOf = <K>(sums: Map<K, StatsCounts>) => new Map([...sums].map(([key, counts]) => [key, normalize(counts)]));

describe("sumRollupsByTime and sumRollupsByEndpoint over hourly and minute rows", () => {
  useTestDatabase();
  const random = seededRandom(SEED);
  // Three days and a bit, starting at a ragged time.
  const windowStart = Math.floor(Date.now() / DAY) * DAY - 3 * DAY + 17 * MINUTE + 23_456;
  const windowSpan = 3 * DAY + 5 * HOUR;
  let tenantId: string;
  let endpointIds: string[];
  let records: AttemptRecord[];

  beforeAll(async () => {
    tenantId = await createTenant();
    const other = await createTenant("Other");
    endpointIds = [];
    for (const name of ["a", "b", "c"])
      endpointIds.push((await createTestEndpoint(tenantId, { url: `http://127.0.0.1:9/${name}` })).id);
    const foreign = (await createTestEndpoint(other, { url: "http://127.0.0.1:9/foreign" })).id;
    records = randomAttemptRecords(
      random,
      endpointIds.map((endpointId) => ({ tenantId, endpointId })),
      windowStart,
      windowSpan,
      6_000,
    );
    // Dense minutes too: several batches adding to the same minute and hour rows.
    records.push(
      ...randomAttemptRecords(
        random,
        endpointIds.map((endpointId) => ({ tenantId, endpointId })),
        windowStart + DAY + 7 * MINUTE,
        3 * MINUTE,
        600,
      ),
    );
    const foreignRecords = randomAttemptRecords(
      random,
      [{ tenantId: other, endpointId: foreign }],
      windowStart,
      windowSpan,
      500,
    );
    const all = [...records, ...foreignRecords].sort(() => random() - 0.5);
    for (let start = 0; start < all.length; start += 250) {
      const batch = all.slice(start, start + 250);
      await withTransaction(async (client) => {
        await upsertEndpointStats(client, batch);
        await upsertTenantStats(client, batch);
      });
    }
  });

  /** Random ranges with ragged edges, plus aligned and degenerate ones. */
  function ranges(): Array<{ from: Date; to: Date }> {
    const list = [
      { from: new Date(windowStart - HOUR), to: new Date(windowStart + windowSpan + HOUR) }, // everything
      {
        from: new Date(Math.ceil(windowStart / HOUR) * HOUR),
        to: new Date(Math.ceil(windowStart / HOUR) * HOUR + 10 * HOUR),
      }, // whole hours
      { from: new Date(windowStart + DAY + 5 * MINUTE), to: new Date(windowStart + DAY + 12 * MINUTE + 1) }, // inside one hour
      { from: new Date(windowStart + 30_000), to: new Date(windowStart + 45_000) }, // inside one minute
    ];
    for (let index = 0; index < 12; index++) {
      const from = windowStart + Math.floor(random() * windowSpan);
      list.push({
        from: new Date(from),
        to: new Date(from + Math.floor(random() * (windowSpan - (from - windowStart))) + 1),
      });
    }
    return list;
  }

  it.each(["minute", "hour", "day"] as const)("should sum by %s exactly as the minute rows do", async (granularity) => {
    for (const { from, to } of ranges()) {
      // The whole tenant, and one endpoint.
      const actual = mapOf(await sumRollupsByTime({ tenantId, from, to }, granularity));
      const expected = reference(
        records,
        from,
        to,
        (_, minute) => Math.floor(minute / STEP[granularity]) * STEP[granularity],
      );
      expect(actual, `${from.toISOString()} – ${to.toISOString()}`).toEqual(expected);
      const one = mapOf(await sumRollupsByTime({ tenantId, endpointIds: [endpointIds[1]!], from, to }, granularity));
      const expectedOne = reference(
        records.filter((record) => record.endpointId === endpointIds[1]),
        from,
        to,
        (_, minute) => Math.floor(minute / STEP[granularity]) * STEP[granularity],
      );
      expect(one, `${from.toISOString()} – ${to.toISOString()}`).toEqual(expectedOne);
    }
  });

  it("should sum by endpoint exactly as the minute rows do", async () => {
    for (const { from, to } of ranges()) {
      const actual = mapOf(await sumRollupsByEndpoint({ tenantId, endpointIds: endpointIds.slice(0, 2), from, to }));
      const expected = reference(
        records.filter((record) => endpointIds.slice(0, 2).includes(record.endpointId)),
        from,
        to,
        (record) => record.endpointId,
      );
      expect(actual, `${from.toISOString()} – ${to.toISOString()}`).toEqual(expected);
    }
  });
});

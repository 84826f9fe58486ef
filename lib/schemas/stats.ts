// Delivery statistics as the API answers them: one summary (counts, success rate, latency
// percentiles from the merged histograms of lib/stats) per range or per time bucket.
import { z } from "zod";
import { zTime, zTimeInput } from "./common";

export const zGranularity = z.enum(["minute", "hour", "day"]);

export const zStatsSummary = z.object({
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  /** 0..1; null with no attempts. */
  successRate: z.number().nullable(),
  samples: z.number().int(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  meanMs: z.number().nullable(),
});

/** `?from&to&granularity` of every statistics route. */
export const ZStatsQuery = z.strictObject({
  /** Start of the range (default: 24 hours before `to`). */
  from: zTimeInput.optional(),
  /** End of the range (default: now). */
  to: zTimeInput.optional(),
  granularity: zGranularity.default("hour"),
});
export type TStatsQuery = z.input<typeof ZStatsQuery>;

export const ZTenantStatsQuery = ZStatsQuery;
export type TTenantStatsQuery = z.input<typeof ZTenantStatsQuery>;

const zWithMessages = zStatsSummary.extend({
  /** Messages published in the bucket (attempts are `total`). */
  messages: z.number().int(),
});

export const ZTenantStats = z.object({
  from: zTime,
  to: zTime,
  granularity: zGranularity,
  totals: zWithMessages,
  series: z.array(zWithMessages.extend({ time: zTime })),
  /** Deliveries of the tenant waiting for a try (`pending`) or being tried (`sending`), now. */
  queue: z.object({
    pending: z.number().int(),
    sending: z.number().int(),
    /** The counts stop at 10,000 each: true when one of them did. */
    capped: z.boolean(),
  }),
});

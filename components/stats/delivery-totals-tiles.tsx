// The headline tiles of a range's deliveries, above an endpoint's charts and on the overview:
// attempts, success rate and latency. `latency` is the percentile the latency tile leads with:
// the endpoint page shows the median beside p95/p99 (it has room for both), the overview p95
// with the median and p99 as its detail.
import { StatTile } from "@/components/ui/stat-tile";
import { formatCount, formatMs, formatRate } from "./format";
import type { StatsTotals } from "./stats-charts";

export function DeliveryTotalsTiles({ totals, latency }: { totals: StatsTotals | undefined; latency: "p50" | "p95" }) {
  return (
    <>
      <StatTile
        label="Attempts"
        value={totals ? formatCount(totals.total) : "…"}
        detail={totals && `${formatCount(totals.failed)} failed`}
      />
      <StatTile
        label="Success rate"
        value={totals ? formatRate(totals.successRate) : "…"}
        detail={totals && `${formatCount(totals.succeeded)} succeeded`}
      />
      {latency === "p50" ? (
        <>
          <StatTile
            label="p50 latency"
            value={totals ? formatMs(totals.p50Ms) : "…"}
            detail={totals && `mean ${formatMs(totals.meanMs)}`}
          />
          <StatTile
            label="p95 / p99"
            value={totals ? formatMs(totals.p95Ms) : "…"}
            detail={totals && `p99 ${formatMs(totals.p99Ms)}`}
          />
        </>
      ) : (
        <StatTile
          label="p95 latency"
          value={totals ? formatMs(totals.p95Ms) : "…"}
          detail={totals && `p50 ${formatMs(totals.p50Ms)} · p99 ${formatMs(totals.p99Ms)}`}
        />
      )}
    </>
  );
}

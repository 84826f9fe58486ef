// What run.ts hands every benchmark: the mode, the shared PostgreSQL server and receiver, and the
// figures other benchmarks measured earlier in the same run (ratios need their reference).
import type { PostgresServer, Receiver } from "./harness";

export interface BenchContext {
  quick: boolean;
  /** `--scale 10m`: the queries-at-scale big tenant's message count (and 100 small tenants). */
  scale?: number;
  postgres: PostgresServer;
  receiver: Receiver;
  /** Figures measured earlier in this run, by key (e.g. "rawCeiling"). */
  reference: Record<string, number>;
  /** Whether benchmarks that need the web process may start it (a current `.next-bench` build). */
  webAvailable: boolean;
  log(line: string): void;
}

export const PAYLOAD = {
  id: "evt_123",
  amount: 4200,
  currency: "eur",
  customer: { id: "cus_42", email: "ada@example.com" },
};
export const EVENT_TYPE = "bench.event";
/** Concurrency of every sender: the worker's default HOOKLINE_WORKER_CONCURRENCY. */
export const CONCURRENCY = 64;

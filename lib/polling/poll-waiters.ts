// Long polls waiting for a polling endpoint's next delivery, in this web process. One shared
// LISTEN connection per process (not a pool connection held per waiting request): publish and
// recover send NOTIFY hookline_polling with the endpoint id, and every waiter of that endpoint
// wakes and queries again. The number of waiting polls is bounded (HOOKLINE_MAX_LONG_POLLS);
// past it a poll answers at once. When the connection drops, every waiter wakes (it re-queries,
// so a notification lost meanwhile costs nothing) and the next wait connects again; while it
// cannot connect, waits are cut to one second, so a poll still sees new deliveries promptly.
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { processState } from "@/lib/process-state";
import { POLLING_CHANNEL } from "@/lib/queue/channel";

interface State {
  client: pg.Client | undefined;
  connecting: Promise<pg.Client | undefined> | undefined;
  waiters: Map<string, Set<() => void>>;
  waiting: number;
}

const state = processState<State>("polling.waiters", () => ({
  client: undefined,
  connecting: undefined,
  waiters: new Map(),
  waiting: 0,
}));

const FALLBACK_WAIT_MS = 1_000;

function wake(endpointId: string): void {
  for (const resolve of state.waiters.get(endpointId) ?? []) resolve();
}

function wakeAll(): void {
  for (const endpointId of state.waiters.keys()) wake(endpointId);
}

async function connect(): Promise<pg.Client | undefined> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "hookline-poll-listen" });
  client.on("notification", (notification) => wake(notification.payload ?? ""));
  client.on("error", (error) => logger.debug({ err: error }, "poll LISTEN connection error"));
  client.on("end", () => {
    if (state.client !== client) return;
    state.client = undefined;
    wakeAll();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${POLLING_CHANNEL}`);
    state.client = client;
    return client;
  } catch (error) {
    logger.warn({ err: error }, "could not LISTEN for polling endpoints; long polls re-check every second");
    await client.end().catch(() => undefined);
    return undefined;
  }
}

/** True once this process LISTENs (connecting first if needed). */
async function listening(): Promise<boolean> {
  if (state.client) return true;
  state.connecting ??= connect().finally(() => (state.connecting = undefined));
  return (await state.connecting) !== undefined;
}

export interface Waiter {
  /** Resolves on a notification for the endpoint, or after `ms` (at most one second while not listening). */
  wait(ms: number, signal?: AbortSignal): Promise<void>;
  /** Frees the slot; call once, always. */
  release(): void;
}

/**
 * A slot to wait on `endpointId`, registered before the caller's query (so a publish between
 * that query and the wait still wakes it), or null when HOOKLINE_MAX_LONG_POLLS polls wait already.
 */
export async function registerWaiter(endpointId: string): Promise<Waiter | null> {
  if (state.waiting >= env().HOOKLINE_MAX_LONG_POLLS) return null;
  state.waiting++;
  let notified = false;
  let resolveWait: (() => void) | undefined;
  const onNotify = () => {
    notified = true;
    resolveWait?.();
  };
  let set = state.waiters.get(endpointId);
  if (!set) state.waiters.set(endpointId, (set = new Set()));
  set.add(onNotify);
  const listens = await listening();
  let released = false;
  return {
    wait(ms, signal) {
      if (notified || signal?.aborted) {
        notified = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, listens ? ms : Math.min(ms, FALLBACK_WAIT_MS));
        signal?.addEventListener("abort", done, { once: true });
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          resolveWait = undefined;
          notified = false;
          resolve();
        }
        resolveWait = done;
      });
    },
    release() {
      if (released) return;
      released = true;
      resolveWait?.();
      state.waiting--;
      set.delete(onNotify);
      if (set.size === 0 && state.waiters.get(endpointId) === set) state.waiters.delete(endpointId);
    },
  };
}

/** Polls waiting right now in this process (for tests and metrics). */
export function waitingPolls(): number {
  return state.waiting;
}

/** Closes the LISTEN connection (tests, shutdown); the next wait opens it again. */
export async function stopPollListener(): Promise<void> {
  const client = state.client;
  state.client = undefined;
  wakeAll();
  await client?.end().catch(() => undefined);
}

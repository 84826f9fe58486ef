// When `npm start` restarts a process that died: exponential backoff (1 s doubling to 30 s), the
// streak forgotten once a run stayed up 60 s, so a process that crashes once a day restarts at
// once while a crash loop settles at one try every 30 s instead of burning the CPU. A process
// may also have a limit on failed starts in a row (the embedded database: 5), after which the
// supervisor gives up instead of trying forever. Pure: the supervisor owns the clock and timers.

export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** A run that lasted this long resets the backoff. */
  resetAfterMs: number;
  /** Failed starts in a row before giving up; undefined: never give up. */
  maxFailedStarts?: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  resetAfterMs: 60_000,
};

export interface RestartState {
  /** Exits in a row without a run of `resetAfterMs`. */
  streak: number;
  /** Starts in a row that never got the process running. */
  failedStarts: number;
}

export const INITIAL_RESTART_STATE: RestartState = { streak: 0, failedStarts: 0 };

export interface ExitReport {
  /** False when the process never got running (its start failed). */
  started: boolean;
  /** How long it ran (0 when it never started). */
  upForMs: number;
}

export type RestartDecision =
  { action: "restart"; delayMs: number; state: RestartState } | { action: "give-up"; state: RestartState };

export function decideRestart(policy: RestartPolicy, state: RestartState, exit: ExitReport): RestartDecision {
  const failedStarts = exit.started ? 0 : state.failedStarts + 1;
  const streak = exit.started && exit.upForMs >= policy.resetAfterMs ? 0 : state.streak;
  if (policy.maxFailedStarts !== undefined && failedStarts >= policy.maxFailedStarts)
    return { action: "give-up", state: { streak, failedStarts } };
  // 2 ** streak grows without bound; the cap keeps the exponent small enough to stay exact.
  const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(streak, 30));
  return { action: "restart", delayMs, state: { streak: streak + 1, failedStarts } };
}

// Keeps processes running: each service is started, watched, and started again after it exits
// unexpectedly, with the backoff of lib/supervisor/restart-policy.ts. Stopping is explicit
// (stop()); an exit the supervisor did not ask for is always a restart, unless the service's
// policy gives up (the embedded database after 5 failed starts), which calls onGiveUp.
import type { ChildProcess } from "node:child_process";
import {
  DEFAULT_RESTART_POLICY,
  INITIAL_RESTART_STATE,
  decideRestart,
  type RestartPolicy,
  type RestartState,
} from "../../lib/supervisor/restart-policy";
import type { TSupervisedProcess } from "../../lib/supervisor/supervisor-state";

/** A started process: its pid, a promise settling with how it exited, and a way to stop it. */
export interface Running {
  pid: number | undefined;
  exited: Promise<string>;
  stop(): Promise<void>;
}

export interface Service {
  name: string;
  policy?: RestartPolicy;
  /** Starts the process; rejects when it could not be started (a failed start). */
  start(): Promise<Running>;
}

interface Entry {
  service: Service;
  status: TSupervisedProcess;
  restartState: RestartState;
  current?: Running;
  stopping: boolean;
  /** Cuts a pending restart delay short when stopping. */
  wake?: () => void;
  loop?: Promise<void>;
}

export interface SupervisorOptions {
  log(line: string): void;
  /** Called after every change of a process's status (to publish it). */
  onChange(processes: TSupervisedProcess[]): void;
  /** The policy of `name` gave up; `reason` is its last exit cause. */
  onGiveUp(name: string, reason: string): void;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

export class Supervisor {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: SupervisorOptions) {}

  /** Supervises `service`; `running` is a first run already started by the caller. */
  add(service: Service, running?: Running): void {
    const entry: Entry = {
      service,
      status: {
        name: service.name,
        state: "starting",
        pid: null,
        startedAt: null,
        restarts: 0,
        lastExit: null,
        nextRestartAt: null,
      },
      restartState: INITIAL_RESTART_STATE,
      stopping: false,
    };
    this.entries.set(service.name, entry);
    entry.loop = this.supervise(entry, running);
  }

  processes(): TSupervisedProcess[] {
    return [...this.entries.values()].map((entry) => ({ ...entry.status }));
  }

  /** Stops the named services (all when none are named) and waits until they have exited. */
  async stop(names: string[] = [...this.entries.keys()]): Promise<void> {
    const entries = names.map((name) => this.entries.get(name)).filter((entry) => entry !== undefined);
    for (const entry of entries) {
      entry.stopping = true;
      entry.wake?.();
    }
    await Promise.all(entries.map(async (entry) => (await entry.current?.stop(), await entry.loop)));
  }

  private changed(entry: Entry, change: Partial<TSupervisedProcess>): void {
    Object.assign(entry.status, change);
    this.options.onChange(this.processes());
  }

  private async supervise(entry: Entry, first?: Running): Promise<void> {
    const { service } = entry;
    let running = first;
    for (;;) {
      let startedAt = Date.now();
      let cause: string;
      let started = false;
      if (!running) {
        this.changed(entry, { state: "starting", pid: null, nextRestartAt: null });
        try {
          running = await service.start();
          startedAt = Date.now();
        } catch (error) {
          cause = error instanceof Error ? error.message : String(error);
        }
      }
      if (running) {
        entry.current = running;
        started = true;
        this.changed(entry, {
          state: "running",
          pid: running.pid ?? null,
          startedAt: new Date(startedAt).toISOString(),
          nextRestartAt: null,
        });
        // A stop that came while this run was starting: stop it now.
        if (entry.stopping) await running.stop();
        cause = await running.exited;
        entry.current = undefined;
        running = undefined;
      }
      if (entry.stopping) {
        this.changed(entry, { state: "stopped", pid: null, nextRestartAt: null });
        return;
      }
      const upForMs = started ? Date.now() - startedAt : 0;
      const decision = decideRestart(service.policy ?? DEFAULT_RESTART_POLICY, entry.restartState, {
        started,
        upForMs,
      });
      entry.restartState = decision.state;
      const lastExit = { cause: cause!, at: new Date().toISOString(), upForMs };
      const what = started ? `exited (${cause!}) after ${seconds(upForMs)}` : `could not be started (${cause!})`;
      if (decision.action === "give-up") {
        this.changed(entry, { state: "gave-up", pid: null, lastExit, nextRestartAt: null });
        this.options.log(`${service.name} ${what}; giving up after ${decision.state.failedStarts} failed starts`);
        this.options.onGiveUp(service.name, cause!);
        return;
      }
      const restarts = entry.status.restarts + 1;
      this.changed(entry, {
        state: "restarting",
        pid: null,
        restarts,
        lastExit,
        nextRestartAt: new Date(Date.now() + decision.delayMs).toISOString(),
      });
      this.options.log(`${service.name} ${what}; restart ${restarts} in ${seconds(decision.delayMs)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, decision.delayMs);
        entry.wake = () => (clearTimeout(timer), resolve());
      });
      entry.wake = undefined;
      if (entry.stopping) {
        this.changed(entry, { state: "stopped", nextRestartAt: null });
        return;
      }
    }
  }
}

/** How a child process ended, for the log: `signal SIGKILL`, `exit code 1`. */
export function exitCause(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/**
 * Runs a Node child process as a supervised service's run. stop() sends SIGTERM and, after
 * `graceMs`, SIGKILL; it resolves once the process has exited.
 */
export function runChild(child: ChildProcess, graceMs: number): Running {
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(exitCause(code, signal)));
    child.once("error", (error) => resolve(error.message));
  });
  return {
    pid: child.pid,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(force);
    },
  };
}

// Group commit for hot statements: calls that arrive while `maxInFlight` runs of the same
// statement are already at the database wait, and go together as ONE run (one round trip, one
// commit) as soon as a run finishes. An idle server therefore adds no wait at all, and a busy
// one batches exactly as much as it is behind. Publishing uses it for its read and its write
// (lib/messages/publish-messages.ts): under load, one statement serves many HTTP requests.
//
// Each call still gets its own answer. When a shared run fails because the database refused the
// statement (a constraint, bad data: nothing was written), every call of it is run again on its
// own, so one caller's bad row never fails the others. When the connection failed, the error goes
// to every caller as it is (retrying could repeat a write that did commit).

export interface CoalesceOptions<In, Out> {
  /** Runs several calls as one; returns one result per input, in order. */
  run(inputs: In[]): Promise<Out[]>;
  /** Runs of this statement at the database at once; later calls queue behind them. */
  maxInFlight: number;
  /** At most this many calls in one run. */
  maxBatch: number;
}

interface Waiting<In, Out> {
  input: In;
  resolve(value: Out): void;
  reject(error: unknown): void;
}

/** PostgreSQL refused the statement itself (SQLSTATE outside connection classes 08 and 57). */
export function isStatementError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57)/.test(code);
}

export function coalesce<In, Out>(options: CoalesceOptions<In, Out>): (input: In) => Promise<Out> {
  const queue: Array<Waiting<In, Out>> = [];
  let inFlight = 0;

  async function runAlone(waiting: Waiting<In, Out>): Promise<void> {
    try {
      const [result] = await options.run([waiting.input]);
      waiting.resolve(result as Out);
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function runTogether(batch: Array<Waiting<In, Out>>): Promise<void> {
    try {
      const results = await options.run(batch.map((waiting) => waiting.input));
      if (results.length !== batch.length)
        throw new Error(`coalesced run returned ${results.length} results for ${batch.length} inputs`);
      batch.forEach((waiting, index) => waiting.resolve(results[index] as Out));
    } catch (error) {
      if (batch.length > 1 && isStatementError(error)) await Promise.all(batch.map(runAlone));
      else for (const waiting of batch) waiting.reject(error);
    }
  }

  function pump(): void {
    while (inFlight < options.maxInFlight && queue.length) {
      const batch = queue.splice(0, options.maxBatch);
      inFlight++;
      void runTogether(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return (input) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      pump();
    });
}

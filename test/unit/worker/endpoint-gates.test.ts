import { describe, expect, it } from "vitest";
import { EndpointGates } from "@/worker/endpoint-gates";

/** A task that stays in flight until released, recording when it started. */
function controllable() {
  const started: string[] = [];
  const releases = new Map<string, () => void>();
  const task = (id: string) => ({
    id,
    run: () =>
      new Promise<void>((resolve) => {
        started.push(id);
        releases.set(id, resolve);
      }),
  });
  const release = async (id: string) => {
    releases.get(id)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, task, release };
}

describe("EndpointGates", () => {
  it("should cap concurrency per endpoint and in total", async () => {
    const gates = new EndpointGates(3);
    const { started, task, release } = controllable();
    for (let index = 0; index < 4; index++)
      gates.enqueue("ep_a", { maxConcurrency: 2, rateLimit: null }, task(`a${index}`));
    for (let index = 0; index < 4; index++)
      gates.enqueue("ep_b", { maxConcurrency: 2, rateLimit: null }, task(`b${index}`));
    // a is alone at first and fills its cap of 2; b gets the last global slot
    expect(started).toEqual(["a0", "a1", "b0"]);
    expect(gates.inFlight).toBe(3);
    await release("a0");
    expect(started).toEqual(["a0", "a1", "b0", "a2"]); // a was served before b: its turn
    await release("b0");
    expect(started).toEqual(["a0", "a1", "b0", "a2", "b1"]); // now b's
    // a has 1 task waiting, b 2 (a full concurrency's worth): claim no more for b
    expect(gates.saturated()).toEqual(["ep_b"]);
    gates.stop();
  });

  it("should report endpoints with a full queue as saturated, and give queued tasks back", () => {
    const gates = new EndpointGates(1);
    const { task } = controllable();
    for (let index = 0; index < 5; index++)
      gates.enqueue("ep_slow", { maxConcurrency: 2, rateLimit: null }, task(`s${index}`));
    expect(gates.saturated()).toEqual(["ep_slow"]);
    expect(gates.drainQueued()).toEqual(["s1", "s2", "s3", "s4"]);
    expect(gates.saturated()).toEqual([]);
    gates.stop();
  });

  it("should not let one endpoint's backlog starve another", () => {
    const gates = new EndpointGates(4);
    const { started, task } = controllable();
    for (let index = 0; index < 50; index++)
      gates.enqueue("ep_busy", { maxConcurrency: 100, rateLimit: null }, task(`busy${index}`));
    gates.enqueue("ep_quiet", { maxConcurrency: 100, rateLimit: null }, task("quiet0"));
    // all 4 slots were taken by the busy endpoint before quiet arrived…
    expect(started).toEqual(["busy0", "busy1", "busy2", "busy3"]);
    gates.stop();
  });

  it("should hand a freed slot to the next endpoint in turn, not back to the busiest", async () => {
    const gates = new EndpointGates(2);
    const { started, task, release } = controllable();
    for (let index = 0; index < 50; index++)
      gates.enqueue("ep_busy", { maxConcurrency: 100, rateLimit: null }, task(`busy${index}`));
    gates.enqueue("ep_quiet", { maxConcurrency: 100, rateLimit: null }, task("quiet0"));
    await release("busy0");
    expect(started).toEqual(["busy0", "busy1", "quiet0"]);
    gates.stop();
  });

  it("should start no more than the rate limit allows per second", async () => {
    const gates = new EndpointGates(100);
    const starts: number[] = [];
    for (let index = 0; index < 6; index++) {
      gates.enqueue(
        "ep_limited",
        { maxConcurrency: 100, rateLimit: 4 },
        { id: `r${index}`, run: async () => void starts.push(performance.now()) },
      );
    }
    const begin = performance.now();
    while (starts.length < 6 && performance.now() - begin < 3_000)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(starts).toHaveLength(6);
    // a bucket of 4 tokens refilling at 4/s: 4 at once, then one every 250 ms
    expect(starts[3]! - begin).toBeLessThan(50);
    expect(starts[4]! - begin).toBeGreaterThanOrEqual(200);
    expect(starts[5]! - begin).toBeGreaterThanOrEqual(450);
    expect(gates.rateLimitedWaits).toBeGreaterThan(0);
    gates.stop();
  });

  it("should not grant a fresh burst when a rate-limited endpoint's queue runs dry between claims", async () => {
    const gates = new EndpointGates(100);
    const starts: number[] = [];
    const enqueue = (id: string) =>
      gates.enqueue(
        "ep_limited",
        { maxConcurrency: 100, rateLimit: 4 },
        { id, run: async () => void starts.push(performance.now()) },
      );
    const begin = performance.now();
    for (let index = 0; index < 4; index++) enqueue(`first${index}`);
    await new Promise((resolve) => setTimeout(resolve, 20)); // all four ran; the queue is empty
    for (let index = 0; index < 2; index++) enqueue(`second${index}`);
    while (starts.length < 6 && performance.now() - begin < 3_000)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(starts[4]! - begin).toBeGreaterThanOrEqual(200);
    expect(starts[5]! - begin).toBeGreaterThanOrEqual(450);
    gates.stop();
  });
});

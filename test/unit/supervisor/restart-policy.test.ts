import { describe, expect, it } from "vitest";
import {
  DEFAULT_RESTART_POLICY,
  INITIAL_RESTART_STATE,
  decideRestart,
  type ExitReport,
  type RestartPolicy,
  type RestartState,
} from "@/lib/supervisor/restart-policy";

/** Feeds a run of exits through the policy; returns each delay (or "give-up"). */
function replay(policy: RestartPolicy, exits: ExitReport[]): Array<number | "give-up"> {
  let state: RestartState = INITIAL_RESTART_STATE;
  return exits.map((exit) => {
    const decision = decideRestart(policy, state, exit);
    state = decision.state;
    return decision.action === "restart" ? decision.delayMs : "give-up";
  });
}

const crash = (upForMs = 100): ExitReport => ({ started: true, upForMs });
const failedStart: ExitReport = { started: false, upForMs: 0 };

describe("decideRestart", () => {
  const cases: Array<{
    name: string;
    policy?: RestartPolicy;
    exits: ExitReport[];
    expected: Array<number | "give-up">;
  }> = [
    {
      name: "doubles from 1 s and stays at 30 s in a crash loop",
      exits: Array.from({ length: 8 }, () => crash()),
      expected: [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000],
    },
    {
      name: "starts over after a run of 60 s",
      exits: [crash(), crash(), crash(), crash(60_000), crash()],
      expected: [1_000, 2_000, 4_000, 1_000, 2_000],
    },
    {
      name: "keeps the streak after a run just short of 60 s",
      exits: [crash(), crash(59_999), crash()],
      expected: [1_000, 2_000, 4_000],
    },
    {
      name: "never gives up without a limit, however many starts fail",
      exits: Array.from({ length: 7 }, () => failedStart),
      expected: [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000],
    },
    {
      name: "gives up on the 5th failed start in a row when the limit is 5",
      policy: { ...DEFAULT_RESTART_POLICY, maxFailedStarts: 5 },
      exits: Array.from({ length: 5 }, () => failedStart),
      expected: [1_000, 2_000, 4_000, 8_000, "give-up"],
    },
    {
      name: "counts failed starts in a row only: a start that worked clears them",
      policy: { ...DEFAULT_RESTART_POLICY, maxFailedStarts: 5 },
      exits: [failedStart, failedStart, failedStart, failedStart, crash(), failedStart, failedStart],
      expected: [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000],
    },
    {
      name: "follows its own numbers",
      policy: { initialDelayMs: 50, maxDelayMs: 300, resetAfterMs: 1_000 },
      exits: [crash(), crash(), crash(), crash(), crash(1_000)],
      expected: [50, 100, 200, 300, 50],
    },
  ];

  for (const { name, policy = DEFAULT_RESTART_POLICY, exits, expected } of cases)
    it(`should ${name}`, () => expect(replay(policy, exits)).toEqual(expected));

  it("should stay finite after a very long crash loop", () => {
    const delays = replay(
      DEFAULT_RESTART_POLICY,
      Array.from({ length: 2_000 }, () => crash()),
    );
    expect(delays.at(-1)).toBe(30_000);
  });
});

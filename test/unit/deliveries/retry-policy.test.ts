import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyOutcome,
  DEFAULT_RETRY_SCHEDULE,
  nextRetryDelay,
  parseRetryAfter,
  parseRetrySchedule,
  RetryScheduleError,
  type DeliveryOutcome,
  type OutcomeInput,
} from "@/lib/queue";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const svixSchedule = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
const noJitter = () => 0.5;

describe("parseRetrySchedule", () => {
  it.each([
    { text: DEFAULT_RETRY_SCHEDULE, expected: svixSchedule },
    { text: "250ms", expected: [250] },
    { text: " 1s , 2S ,3M", expected: [SECOND, 2 * SECOND, 3 * MINUTE] },
    { text: "1.5h,0.5s", expected: [1.5 * HOUR, 500] },
    { text: "0s", expected: [0] },
  ])("should parse $text", ({ text, expected }) => {
    expect(parseRetrySchedule(text)).toEqual(expected);
  });

  it.each([
    { text: "", message: /empty/ },
    { text: "   ", message: /empty/ },
    { text: "5", message: /step 1 \("5"\) must be a number followed by ms, s, m, h or d/ },
    { text: "5s,5x", message: /step 2 \("5x"\)/ },
    { text: "5s,,5m", message: /step 2/ },
    { text: "-5s", message: /step 1/ },
    { text: "5 s", message: /step 1/ },
    { text: "1e3s", message: /step 1/ },
    { text: "5w", message: /step 1/ },
    { text: `${"9".repeat(30)}h`, message: /too large/ },
  ])("should reject $text with a clear error", ({ text, message }) => {
    expect(() => parseRetrySchedule(text)).toThrow(RetryScheduleError);
    expect(() => parseRetrySchedule(text)).toThrow(message);
  });
});

describe("nextRetryDelay", () => {
  it.each(svixSchedule.map((delay, index) => ({ attemptNumber: index + 1, delay })))(
    "should wait $delay ms after attempt $attemptNumber fails",
    ({ attemptNumber, delay }) => {
      expect(nextRetryDelay({ schedule: svixSchedule, attemptNumber, random: noJitter })).toBe(delay);
    },
  );

  it.each([{ attemptNumber: 8 }, { attemptNumber: 100 }])(
    "should give up after attempt $attemptNumber",
    ({ attemptNumber }) => {
      expect(nextRetryDelay({ schedule: svixSchedule, attemptNumber, random: noJitter })).toBeNull();
      expect(nextRetryDelay({ schedule: [], attemptNumber: 1 })).toBeNull();
    },
  );

  it.each([{ attemptNumber: 0 }, { attemptNumber: -1 }, { attemptNumber: 1.5 }, { attemptNumber: Number.NaN }])(
    "should refuse attempt number $attemptNumber",
    ({ attemptNumber }) => {
      expect(() => nextRetryDelay({ schedule: svixSchedule, attemptNumber })).toThrow(RangeError);
    },
  );

  it.each([
    { random: 0, expected: 9 * SECOND },
    { random: 0.25, expected: 9.5 * SECOND },
    { random: 0.5, expected: 10 * SECOND },
    { random: 0.999_999_9, expected: 11 * SECOND },
  ])("should apply jitter: random $random gives $expected ms", ({ random, expected }) => {
    expect(nextRetryDelay({ schedule: [10 * SECOND], attemptNumber: 1, random: () => random })).toBe(expected);
  });

  it("should keep jitter within ±10% for any random value and step", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 7 }),
        (random, attemptNumber) => {
          const base = svixSchedule[attemptNumber - 1]!;
          const delay = nextRetryDelay({ schedule: svixSchedule, attemptNumber, random: () => random })!;
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.9));
          expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.1));
        },
      ),
    );
  });

  it("should jitter with the default random source, within bounds", () => {
    const delays = Array.from({ length: 500 }, () => nextRetryDelay({ schedule: [HOUR], attemptNumber: 1 })!);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0.9 * HOUR);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1.1 * HOUR);
    expect(new Set(delays).size).toBeGreaterThan(400);
  });

  const now = Date.parse("2026-11-26T12:00:00Z");
  const httpDate = (offsetMs: number) => new Date(now + offsetMs).toUTCString();

  it.each([
    { name: "a longer delay in seconds", header: "15", expected: 15 * SECOND },
    { name: "seconds beyond 2x the step (capped)", header: "30", expected: 20 * SECOND },
    { name: "a shorter delay (never shortens)", header: "5", expected: 10 * SECOND },
    { name: "zero (never shortens)", header: "0", expected: 10 * SECOND },
    { name: "a longer HTTP-date", header: httpDate(15 * SECOND), expected: 15 * SECOND },
    { name: "an HTTP-date days away (capped)", header: httpDate(3 * 24 * HOUR), expected: 20 * SECOND },
    { name: "an HTTP-date in the past", header: httpDate(-HOUR), expected: 10 * SECOND },
    { name: "an obsolete asctime date", header: "Thu Nov 26 12:00:12 2026", expected: 12 * SECOND },
    { name: "garbage", header: "soon", expected: 10 * SECOND },
    { name: "a negative number", header: "-30", expected: 10 * SECOND },
    { name: "a large number of seconds", header: "2027", expected: 20 * SECOND },
    { name: "an empty header", header: "", expected: 10 * SECOND },
    { name: "no header", header: null, expected: 10 * SECOND },
  ])("should honour Retry-After with $name", ({ header, expected }) => {
    const delay = nextRetryDelay({
      schedule: [10 * SECOND],
      attemptNumber: 1,
      retryAfterHeader: header,
      random: noJitter,
      now,
    });
    expect(delay).toBe(expected);
  });

  it("should keep any Retry-After within [0, 2x the step]", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.nat().map(String),
          fc.integer({ min: -1e12, max: 1e12 }).map((offset) => httpDate(offset)),
        ),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (header, random) => {
          const delay = nextRetryDelay({
            schedule: [MINUTE],
            attemptNumber: 1,
            retryAfterHeader: header,
            random: () => random,
            now,
          })!;
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(2 * MINUTE);
        },
      ),
    );
  });
});

describe("parseRetryAfter", () => {
  it.each([
    { header: "120", expected: 120 * SECOND },
    { header: " 7 ", expected: 7 * SECOND },
    { header: "Thu, 26 Nov 2026 12:01:00 GMT", expected: MINUTE },
    { header: "Thursday, 26-Nov-26 12:01:00 GMT", expected: MINUTE },
    { header: "1.5", expected: null },
    { header: "2027", expected: 2027 * SECOND }, // digits are delay-seconds, never a year
    { header: "tomorrow-ish", expected: null },
    { header: undefined, expected: null },
  ])("should read $header", ({ header, expected }) => {
    expect(parseRetryAfter(header, Date.parse("2026-11-26T12:00:00Z"))).toBe(expected);
  });
});

const succeeded: DeliveryOutcome = { result: "succeeded" };
const retry = (reason: string) => ({ result: "retry", reason });
const failed = (reason: string, disableEndpoint = false) => ({ result: "failed", reason, disableEndpoint });

describe("classifyOutcome", () => {
  it.each<{ name: string; input: OutcomeInput; expected: object }>([
    { name: "200", input: { status: 200 }, expected: succeeded },
    { name: "204", input: { status: 204 }, expected: succeeded },
    { name: "299", input: { status: 299 }, expected: succeeded },
    {
      name: "2xx with an abort header (success wins)",
      input: { status: 200, abortHeader: "abort-message" },
      expected: succeeded,
    },
    { name: "410", input: { status: 410 }, expected: failed("gone", true) },
    {
      name: "410 with an abort header (gone wins)",
      input: { status: 410, abortHeader: "abort-message" },
      expected: failed("gone", true),
    },
    { name: "400", input: { status: 400 }, expected: failed("rejected") },
    { name: "401", input: { status: 401 }, expected: failed("rejected") },
    { name: "403", input: { status: 403 }, expected: failed("rejected") },
    { name: "404", input: { status: 404 }, expected: failed("rejected") },
    { name: "413", input: { status: 413 }, expected: failed("rejected") },
    { name: "422", input: { status: 422 }, expected: failed("rejected") },
    { name: "499", input: { status: 499 }, expected: failed("rejected") },
    { name: "408", input: { status: 408 }, expected: retry("request_timeout") },
    { name: "429", input: { status: 429 }, expected: retry("rate_limited") },
    { name: "500", input: { status: 500 }, expected: retry("server_error") },
    { name: "502", input: { status: 502 }, expected: retry("server_error") },
    { name: "503", input: { status: 503 }, expected: retry("server_error") },
    { name: "599", input: { status: 599 }, expected: retry("server_error") },
    { name: "301", input: { status: 301 }, expected: retry("redirect") },
    { name: "302", input: { status: 302 }, expected: retry("redirect") },
    { name: "307", input: { status: 307 }, expected: retry("redirect") },
    { name: "308", input: { status: 308 }, expected: retry("redirect") },
    { name: "304", input: { status: 304 }, expected: retry("redirect") },
    { name: "101", input: { status: 101 }, expected: retry("unexpected_status") },
    { name: "600", input: { status: 600 }, expected: retry("unexpected_status") },
    {
      name: "500 with an abort header",
      input: { status: 500, abortHeader: "abort-message" },
      expected: failed("aborted"),
    },
    {
      name: "429 with an abort header",
      input: { status: 429, abortHeader: " Abort-Message " },
      expected: failed("aborted"),
    },
    {
      name: "302 with an abort header",
      input: { status: 302, abortHeader: "abort-message" },
      expected: failed("aborted"),
    },
    {
      name: "400 with an abort header",
      input: { status: 400, abortHeader: "abort-message" },
      expected: failed("aborted"),
    },
    {
      name: "500 with another delivery header",
      input: { status: 500, abortHeader: "retry" },
      expected: retry("server_error"),
    },
    { name: "a timeout", input: { errorKind: "timeout" }, expected: retry("timeout") },
    { name: "a DNS failure", input: { errorKind: "dns" }, expected: retry("network_error") },
    { name: "a refused connection", input: { errorKind: "connect" }, expected: retry("network_error") },
    { name: "a TLS failure", input: { errorKind: "tls" }, expected: retry("network_error") },
    { name: "a reset connection", input: { errorKind: "reset" }, expected: retry("network_error") },
    { name: "an unknown error kind", input: { errorKind: "something_new" }, expected: retry("network_error") },
    { name: "nothing at all", input: {}, expected: retry("network_error") },
    { name: "an SSRF block", input: { errorKind: "ssrf_blocked" }, expected: failed("ssrf_blocked") },
    {
      name: "an SSRF block with a status",
      input: { errorKind: "ssrf_blocked", status: 200 },
      expected: failed("ssrf_blocked"),
    },
    {
      name: "an http_status error kind with 503",
      input: { errorKind: "http_status", status: 503 },
      expected: retry("server_error"),
    },
  ])("should classify $name", ({ input, expected }) => {
    expect(classifyOutcome(input)).toEqual(expected);
  });

  it("should never retry a 4xx other than 408 and 429, and always retry a 5xx", () => {
    for (let status = 400; status <= 599; status++) {
      const outcome = classifyOutcome({ status });
      const retried = status >= 500 || status === 408 || status === 429;
      expect(outcome.result, `status ${status}`).toBe(retried ? "retry" : "failed");
    }
  });
});

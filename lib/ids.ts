// Prefixed, time-sortable ids: `<prefix>_<26 chars>`, the 26 chars being a ULID (48-bit
// millisecond timestamp + 80 random bits, Crockford base32). Sorting ids sorts by creation
// time, which is what keyset pagination and "newest first" lists rely on. Within one
// millisecond a process increments the random part, so its own ids stay strictly ordered.
import { randomBytes } from "node:crypto";
import { processState } from "@/lib/process-state";

export const ID_PREFIXES = {
  user: "usr",
  tenant: "tnt",
  apiKey: "key",
  eventType: "evt",
  endpoint: "ep",
  message: "msg",
  delivery: "dlv",
  attempt: "att",
  worker: "wkr",
  invite: "inv",
  portalToken: "ptk",
  auditEvent: "aud",
  incident: "inc",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;

// One per process (lib/process-state.ts), so ids stay ordered whichever copy of lib/ makes them.
const last = processState("ids.last", () => ({ time: -1, random: [] as number[] }));

function encodeTime(ms: number): string {
  let out = "";
  let value = ms;
  for (let index = 0; index < TIME_CHARS; index++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

function freshRandom(): number[] {
  const bytes = randomBytes(RANDOM_CHARS);
  return Array.from(bytes, (byte) => byte % 32);
}

/** Adds one to a base-32 digit array (little end last); wraps to fresh randomness on overflow. */
function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let index = next.length - 1; index >= 0; index--) {
    if (next[index]! < 31) {
      next[index]! += 1;
      return next;
    }
    next[index] = 0;
  }
  return freshRandom();
}

/**
 * A new ULID string (26 chars), monotonic within this process for ids made in the same
 * millisecond. An explicit time earlier than the last one (backfills, a clock step back) gets
 * fresh randomness and leaves the monotonic state alone.
 */
export function ulid(now = Date.now()): string {
  let random: number[];
  if (now === last.time) {
    random = last.random = increment(last.random);
  } else if (now > last.time) {
    last.time = now;
    random = last.random = freshRandom();
  } else {
    random = freshRandom();
  }
  return encodeTime(now) + random.map((digit) => ALPHABET[digit]).join("");
}

export function newId(kind: IdKind, now?: number): string {
  return `${ID_PREFIXES[kind]}_${ulid(now)}`;
}

/** Lowest id of `kind` that could have been created at `time`: turns a time range into an id range. */
export function idFloorAt(kind: IdKind, time: Date): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(time.getTime())}${"0".repeat(RANDOM_CHARS)}`;
}

const ID_PATTERN = /^([a-z]+)_([0-9A-HJKMNP-TV-Z]{26})$/;

/** True when `value` looks like an id of `kind` (used to reject garbage before querying). */
export function isId(kind: IdKind, value: string): boolean {
  const match = ID_PATTERN.exec(value);
  return match !== null && match[1] === ID_PREFIXES[kind];
}

/** Creation time encoded in an id, or undefined when it is not one of ours. */
export function timeOfId(value: string): Date | undefined {
  const match = ID_PATTERN.exec(value);
  if (!match) return undefined;
  let ms = 0;
  for (const char of match[2]!.slice(0, TIME_CHARS)) ms = ms * 32 + ALPHABET.indexOf(char);
  return new Date(ms);
}

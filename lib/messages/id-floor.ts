// A message's deliveries and attempts are written at or after the message (their ids start with
// their creation time, lib/ids.ts), so a lookup by message can start at the message's time and
// skip every older partition of deliveries and attempts (lib/database/partitions.ts) instead of
// probing each day's index. The floor is a day early: a worker whose clock is behind the web
// process's still stamps its attempts after it.
import { idFloorAt, timeOfId, type IdKind } from "@/lib/ids";

const CLOCK_MARGIN_MS = 86_400_000;

/** The lowest id of `kind` the rows of these messages can have; undefined when an id has no time. */
export function idFloorForMessages(kind: Extract<IdKind, "delivery" | "attempt">, messageIds: readonly string[]) {
  let oldest = Infinity;
  for (const id of messageIds) {
    const time = timeOfId(id)?.getTime();
    if (time === undefined) return undefined;
    oldest = Math.min(oldest, time);
  }
  return Number.isFinite(oldest) ? idFloorAt(kind, new Date(Math.max(0, oldest - CLOCK_MARGIN_MS))) : undefined;
}

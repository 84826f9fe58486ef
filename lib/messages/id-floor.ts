// A message's deliveries and attempts are written at or after the message (their ids start with
// their creation time, lib/ids.ts), so a lookup by message can start at the message's time and
// skip every older partition of deliveries and attempts (lib/database/partitions.ts) instead of
// probing each day's index. The floor is a day early: a worker whose clock is behind the web
// process's still stamps its attempts after it. Deliveries are written by the statement that
// writes their message, stamped with its time (lib/messages/insert-messages.ts,
// lib/deliveries/send-test-event.ts), so theirs also end a day after the newest message.
import { idFloorAt, timeOfId, type IdKind } from "@/lib/ids";

const CLOCK_MARGIN_MS = 86_400_000;

function times(messageIds: readonly string[]): number[] | undefined {
  const result: number[] = [];
  for (const id of messageIds) {
    const time = timeOfId(id)?.getTime();
    if (time === undefined) return undefined;
    result.push(time);
  }
  return result.length ? result : undefined;
}

/** The lowest id of `kind` the rows of these messages can have; undefined when an id has no time. */
export function idFloorForMessages(kind: Extract<IdKind, "delivery" | "attempt">, messageIds: readonly string[]) {
  const all = times(messageIds);
  return all ? idFloorAt(kind, new Date(Math.max(0, Math.min(...all) - CLOCK_MARGIN_MS))) : undefined;
}

/** The id range of these messages' deliveries, as a Prisma filter (empty when an id has no time). */
export function deliveryIdRangeForMessages(messageIds: readonly string[]): { gte?: string; lt?: string } {
  const all = times(messageIds);
  if (!all) return {};
  return {
    gte: idFloorAt("delivery", new Date(Math.max(0, Math.min(...all) - CLOCK_MARGIN_MS))),
    lt: idFloorAt("delivery", new Date(Math.max(...all) + CLOCK_MARGIN_MS)),
  };
}

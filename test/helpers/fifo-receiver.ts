// A receiver for FIFO tests: answers 503 to a share of tries (at random) and otherwise 200, and
// keeps, per ordering key, the sequence numbers of the messages in the order of their FIRST
// successful receipt (a redelivery of a message that already succeeded does not count again).
// Messages carry `{ key, seq }` in their payload; seq grows in publish order within a key.
import { startReceiver, type Receiver } from "./receiver";

export interface FifoReceiver {
  receiver: Receiver;
  url: string;
  /** key → seqs in order of first successful receipt. */
  firstSuccess: Map<string, number[]>;
  /** Number of messages that succeeded at least once. */
  delivered(): number;
  /** Keys whose first successful receipts are out of publish order. */
  outOfOrder(): string[];
  close(): Promise<void>;
}

export async function startFifoReceiver(
  failShare: number,
  options: { failAlways?: (payload: { key: string; seq: number }) => boolean } = {},
): Promise<FifoReceiver> {
  const receiver = await startReceiver();
  const firstSuccess = new Map<string, number[]>();
  const succeeded = new Set<string>();
  receiver.on("/fifo", (request) => {
    const { data } = JSON.parse(request.body) as { data: { key: string; seq: number } };
    if (Math.random() < failShare || options.failAlways?.(data)) return { status: 503 };
    const id = request.headers["webhook-id"]!;
    if (!succeeded.has(id)) {
      succeeded.add(id);
      firstSuccess.set(data.key, [...(firstSuccess.get(data.key) ?? []), data.seq]);
    }
    return { status: 200 };
  });
  return {
    receiver,
    url: receiver.url("/fifo"),
    firstSuccess,
    delivered: () => succeeded.size,
    outOfOrder: () =>
      [...firstSuccess]
        .filter(([, seqs]) => seqs.some((seq, index) => index > 0 && seq < seqs[index - 1]!))
        .map(([key]) => key),
    close: () => receiver.close(),
  };
}

/** `count` messages over `keys` keys, round robin, each `{ key, seq }` with seq in publish order per key. */
export function fifoMessages(eventType: string, count: number, keys: number) {
  return Array.from({ length: count }, (_, index) => {
    const key = `k${index % keys}`;
    return { eventType, orderingKey: key, payload: { key, seq: Math.floor(index / keys) } };
  });
}

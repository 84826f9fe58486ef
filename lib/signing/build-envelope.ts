// The request body every endpoint receives (DESIGN.md "Publish → deliver" step 3: we chose the
// envelope over the bare payload, as Standard Webhooks recommends):
//   {"type":"invoice.paid","timestamp":"2026-01-01T00:00:00.000Z","data":<payload as published>}
// `timestamp` is the message's creation time, identical on every retry (the attempt's own time is
// in the `webhook-timestamp` header).
//
// It is built by string concatenation on purpose. The payload column is `json`, not `jsonb`, so
// it keeps the publisher's exact text; reading it as text (`payload::text`) and splicing it in
// verbatim keeps big integers, key order and number formatting intact, and spares the worker a
// parse + stringify per delivery on the hot path. Only `type` and `timestamp` are encoded here.
// Pure and secret-free, so (unlike the rest of lib/signing) not marked server-only.

export interface EnvelopeInput {
  /** The event-type name, e.g. `invoice.paid`. */
  type: string;
  /** The message's creation time. */
  createdAt: Date;
  /** The payload's stored JSON text, inserted as is. It must be one valid JSON value. */
  payloadJson: string;
}

export function buildEnvelope({ type, createdAt, payloadJson }: EnvelopeInput): string {
  if (Number.isNaN(createdAt.getTime())) throw new RangeError("Envelope createdAt is an invalid Date");
  // Cheap guard against a NULL/empty column turning into `"data":}`; full validation happened
  // when the message was published and would cost a parse here.
  if (payloadJson.trim().length === 0) throw new RangeError("Envelope payloadJson is empty");
  return `{"type":${JSON.stringify(type)},"timestamp":${JSON.stringify(createdAt.toISOString())},"data":${payloadJson}}`;
}

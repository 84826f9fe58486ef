// The event types `npm run seed:demo` puts in the catalog: what a billing platform might publish.
// Every example matches its schema (createEventType checks), and every example has a top-level
// `id` with a Stripe-like prefix, which the history generator varies per message.
import type { TCreateEventType } from "@/lib/schemas/event-types";

const id = (prefix: string) => ({ type: "string", pattern: `^${prefix}_[A-Za-z0-9]+$` });
const money = { type: "integer", minimum: 0, description: "In the currency's smallest unit (cents)." };
const currency = { type: "string", enum: ["usd", "eur", "gbp", "jpy"] };
const time = { type: "string", format: "date-time" };

function objectSchema(title: string, properties: Record<string, unknown>, required: string[]) {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title,
    type: "object",
    properties,
    required,
    additionalProperties: false,
  };
}

export const DEMO_EVENT_TYPES: ReadonlyArray<
  Required<Pick<TCreateEventType, "name" | "description">> & {
    schema: Record<string, unknown>;
    example: Record<string, unknown>;
  }
> = [
  {
    name: "invoice.paid",
    description: "An invoice was paid in full.",
    schema: objectSchema(
      "Invoice paid",
      { id: id("in"), customer: id("cus"), amount_paid: money, currency, paid_at: time },
      ["id", "customer", "amount_paid", "currency", "paid_at"],
    ),
    example: {
      id: "in_1Q2w3E4r5T6y",
      customer: "cus_9Hk2LmN4pQ",
      amount_paid: 4200,
      currency: "usd",
      paid_at: "2026-01-15T10:30:00Z",
    },
  },
  {
    name: "invoice.payment_failed",
    description: "Charging the customer for an invoice failed; another attempt may follow.",
    schema: objectSchema(
      "Invoice payment failed",
      {
        id: id("in"),
        customer: id("cus"),
        amount_due: money,
        currency,
        attempt_count: { type: "integer", minimum: 1 },
        failure_reason: { type: "string", enum: ["card_declined", "insufficient_funds", "expired_card"] },
        next_payment_attempt: { type: ["string", "null"], format: "date-time" },
      },
      ["id", "customer", "amount_due", "currency", "attempt_count", "failure_reason"],
    ),
    example: {
      id: "in_7Yt6Re5Wq4",
      customer: "cus_9Hk2LmN4pQ",
      amount_due: 1900,
      currency: "eur",
      attempt_count: 1,
      failure_reason: "card_declined",
      next_payment_attempt: "2026-01-18T10:30:00Z",
    },
  },
  {
    name: "customer.created",
    description: "A new customer signed up.",
    schema: objectSchema(
      "Customer created",
      { id: id("cus"), email: { type: "string", format: "email" }, name: { type: "string" }, created_at: time },
      ["id", "email", "created_at"],
    ),
    example: {
      id: "cus_9Hk2LmN4pQ",
      email: "ada@example.com",
      name: "Ada Lovelace",
      created_at: "2026-01-15T09:00:00Z",
    },
  },
  {
    name: "customer.updated",
    description: "A customer's details changed; `changes` holds the new values.",
    schema: objectSchema(
      "Customer updated",
      { id: id("cus"), changes: { type: "object", minProperties: 1 }, updated_at: time },
      ["id", "changes", "updated_at"],
    ),
    example: {
      id: "cus_9Hk2LmN4pQ",
      changes: { email: "ada.lovelace@example.com" },
      updated_at: "2026-01-16T14:12:00Z",
    },
  },
  {
    name: "subscription.created",
    description: "A customer started a subscription.",
    schema: objectSchema(
      "Subscription created",
      {
        id: id("sub"),
        customer: id("cus"),
        plan: { type: "string", enum: ["starter", "growth", "enterprise"] },
        status: { type: "string", enum: ["trialing", "active"] },
        current_period_end: time,
      },
      ["id", "customer", "plan", "status", "current_period_end"],
    ),
    example: {
      id: "sub_4Fg5Hj6Kl7",
      customer: "cus_9Hk2LmN4pQ",
      plan: "growth",
      status: "trialing",
      current_period_end: "2026-02-15T09:00:00Z",
    },
  },
  {
    name: "subscription.canceled",
    description: "A subscription ended, at the customer's request or after failed payments.",
    schema: objectSchema(
      "Subscription canceled",
      {
        id: id("sub"),
        customer: id("cus"),
        canceled_at: time,
        reason: { type: "string", enum: ["requested", "payment_failed", "fraud"] },
      },
      ["id", "customer", "canceled_at", "reason"],
    ),
    example: {
      id: "sub_4Fg5Hj6Kl7",
      customer: "cus_9Hk2LmN4pQ",
      canceled_at: "2026-03-01T08:00:00Z",
      reason: "requested",
    },
  },
  {
    name: "charge.refunded",
    description: "A charge was refunded, in part or in full.",
    schema: objectSchema(
      "Charge refunded",
      {
        id: id("ch"),
        amount_refunded: money,
        currency,
        reason: { type: "string", enum: ["duplicate", "fraudulent", "requested_by_customer"] },
      },
      ["id", "amount_refunded", "currency"],
    ),
    example: { id: "ch_3Lk9Jh8Gf7", amount_refunded: 1500, currency: "usd", reason: "requested_by_customer" },
  },
  {
    name: "payout.paid",
    description: "A payout reached the merchant's bank account.",
    schema: objectSchema(
      "Payout paid",
      { id: id("po"), amount: money, currency, arrival_date: { type: "string", format: "date" } },
      ["id", "amount", "currency", "arrival_date"],
    ),
    example: { id: "po_8Mn7Bv6Cx5", amount: 125000, currency: "usd", arrival_date: "2026-01-17" },
  },
];

/** How often each type is published in the generated history (relative weights). */
export const DEMO_TRAFFIC_WEIGHTS: Readonly<Record<string, number>> = {
  "invoice.paid": 30,
  "invoice.payment_failed": 6,
  "customer.created": 14,
  "customer.updated": 12,
  "subscription.created": 8,
  "subscription.canceled": 3,
  "charge.refunded": 4,
  "payout.paid": 2,
};

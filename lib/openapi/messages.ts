// Messages: publishing, reading, resending, and their delivery attempts.
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { env } from "@/lib/env";
import { zPage } from "@/lib/schemas/common";
import {
  MAX_BATCH,
  ZAttemptView,
  ZIdempotencyKey,
  ZListAttemptsQuery,
  ZListMessagesQuery,
  ZMessageSummary,
  ZMessageView,
  ZPublishBatch,
  ZPublishedBatch,
  ZPublishedMessage,
  ZPublishMessage,
  ZResendMessage,
  ZResendResult,
} from "@/lib/schemas/messages";
import { defineOperation } from "./api-operation";
import { ok, TENANT, MESSAGE } from "./catalog-helpers";

// A little room over the payload limit for the envelope fields around it.
const publishBodyLimit = () => env().HOOKLINE_MAX_PAYLOAD_BYTES + 4_096;

export const publishMessage = defineOperation({
  operationId: "publishMessage",
  method: "post",
  path: `${TENANT}/messages`,
  tag: "Messages",
  summary: "Publish a message",
  description:
    "Stored and queued for every enabled endpoint subscribed to its type before the answer. A repeated idempotency key (24 h) with the same event type and payload answers 200 with the original message; with a different one, 409 `idempotency_key_reused` naming what differs.",
  access: "write",
  body: ZPublishMessage,
  headers: [
    {
      name: "Idempotency-Key",
      schema: ZIdempotencyKey,
      description:
        "Same key, same request: a retry never publishes twice. The same key with another event type or payload is a 409.",
    },
  ],
  payloadBody: { maxBytes: publishBodyLimit },
  responses: [
    { status: 202, description: "Accepted and queued.", schema: ZPublishedMessage },
    ok("The earlier message with this idempotency key.", ZPublishedMessage),
  ],
  errors: [409],
});

export const publishMessages = defineOperation({
  operationId: "publishMessages",
  method: "post",
  path: `${TENANT}/messages/batch`,
  tag: "Messages",
  summary: "Publish up to 100 messages at once",
  description:
    "All or nothing: one invalid message rejects the batch. Idempotency keys work as for one message (`duplicate: true` for a repeat; 409 `idempotency_key_reused` for a key reused with another event type or payload).",
  access: "write",
  body: ZPublishBatch,
  payloadBody: { maxBytes: () => MAX_BATCH * (env().HOOKLINE_MAX_PAYLOAD_BYTES + 1_024) },
  responses: [{ status: 202, description: "Accepted and queued.", schema: ZPublishedBatch }],
  errors: [409],
});

export const listMessages = defineOperation({
  operationId: "listMessages",
  method: "get",
  path: `${TENANT}/messages`,
  tag: "Messages",
  summary: "List messages",
  access: "read",
  query: ZListMessagesQuery,
  responses: [ok("A page of messages, newest first.", zPage(ZMessageSummary))],
});

export const getMessage = defineOperation({
  operationId: "getMessage",
  method: "get",
  path: MESSAGE,
  tag: "Messages",
  summary: "Get a message",
  description: "The payload and, per endpoint, its delivery's status.",
  access: "read",
  responses: [ok("The message.", ZMessageView)],
});

export const resendMessage = defineOperation({
  operationId: "resendMessage",
  method: "post",
  path: `${MESSAGE}/resend`,
  tag: "Messages",
  summary: "Resend a message now",
  description:
    "A new attempt right away (trigger manual) to one endpoint or to every enabled endpoint the message went to; the retry history is left alone.",
  access: "write",
  body: ZResendMessage,
  bodyOptional: true,
  responses: [ok("Each try's outcome.", ZResendResult)],
});

export const listAttempts = defineOperation({
  operationId: "listAttempts",
  method: "get",
  path: `${MESSAGE}/attempts`,
  tag: "Messages",
  summary: "List a message's delivery attempts",
  access: "read",
  query: ZListAttemptsQuery,
  responses: [ok("A page of attempts with request and response detail.", zPage(ZAttemptView))],
});

/** Answers named in the document's components.schemas. */
export const views = {
  PublishedMessage: ZPublishedMessage,
  PublishedBatch: ZPublishedBatch,
  MessageSummary: ZMessageSummary,
  Message: ZMessageView,
  Attempt: ZAttemptView,
  ResendResult: ZResendResult,
};

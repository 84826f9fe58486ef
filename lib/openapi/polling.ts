// Polling endpoints: a consumer that cannot accept inbound connections fetches its messages
// (lib/polling). The token in the path is the only credential of the poll route.
import { ZPollingTokenView, ZPollPage, ZPollQuery } from "@/lib/schemas/endpoints";
import { defineOperation } from "./api-operation";
import { ENDPOINT, ok } from "./catalog-helpers";

export const pollMessages = defineOperation({
  operationId: "pollMessages",
  method: "get",
  path: "/poll/{pollingToken}",
  tag: "Polling",
  summary: "Fetch a polling endpoint's messages",
  description:
    "The polling endpoint's pending messages in publish order, each with the Standard Webhooks headers a pushed " +
    "delivery would carry (verify `body` with `headers` and the endpoint's signing secret). Pass the answer's " +
    "`cursor` to the next call: that acknowledges everything up to it (those deliveries succeed, recorded as " +
    "attempts of trigger `fetch`). With `wait`, an empty answer waits up to that many seconds for a message. " +
    "The token is the credential (no Authorization header); an unknown token is a 401. Rate-limited per endpoint " +
    "like API keys (HOOKLINE_API_RATE_LIMIT).",
  access: "public",
  query: ZPollQuery,
  errors: [401, 429],
  cacheControl: "no-store",
  responses: [ok("A page of signed messages and the cursor to acknowledge it.", ZPollPage)],
});

export const rotatePollingToken = defineOperation({
  operationId: "rotatePollingToken",
  method: "post",
  path: `${ENDPOINT}/polling-token/rotate`,
  tag: "Endpoints",
  summary: "Rotate a polling endpoint's token",
  description: "The old token stops working at once; the new one is shown this once. 409 for a webhook endpoint.",
  access: "write",
  errors: [409],
  cacheControl: "no-store",
  responses: [ok("The new polling token.", ZPollingTokenView)],
});

/** Answers named in the document's components.schemas. */
export const views = { PollPage: ZPollPage, PollingToken: ZPollingTokenView };

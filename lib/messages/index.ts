export { getMessage, getMessageOrThrow } from "./get-message";
export { listAttempts } from "./list-attempts";
export { listMessages } from "./list-messages";
export {
  toAttemptView,
  toDeliveryView,
  toMessageSummary,
  toMessageView,
  type AttemptView,
  type DeliveryView,
  type MessageSummary,
  type MessageView,
} from "./message-view";
export { publishMessages, type PublishedMessage } from "./publish-messages";

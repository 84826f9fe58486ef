export { createPlaygroundEndpoint } from "./create-playground-endpoint";
export {
  PLAYGROUND_MODES,
  playgroundPath,
  receivePlaygroundWebhook,
  type PlaygroundAnswer,
  type PlaygroundMode,
} from "./receive-playground-webhook";

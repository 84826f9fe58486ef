export { buildEnvelope, type EnvelopeInput } from "./build-envelope";
export {
  buildSignatureHeader,
  buildWebhookHeaders,
  signPayload,
  toUnixSeconds,
  WEBHOOK_HEADER_NAMES,
  type BuildWebhookHeadersInput,
  type SignInput,
  type WebhookHeaders,
} from "./sign-payload";
export {
  decodeSecret,
  generateSecret,
  InvalidSecretError,
  isValidSecret,
  SECRET_BYTES,
  SECRET_PREFIX,
} from "./generate-secret";
export {
  generateSigningKey,
  isValidSigningKey,
  PUBLIC_KEY_PREFIX,
  publicKeyOf,
  SIGNING_KEY_PREFIX,
} from "./signing-key";

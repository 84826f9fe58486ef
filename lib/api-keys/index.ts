export { generateApiKey, hashApiKey, parseApiKey } from "./api-key-format";
export { toApiKeyView, type ApiKeyView } from "./api-key-view";
export { createApiKey } from "./create-api-key";
export { enforceApiRateLimit } from "./enforce-api-rate-limit";
export { getApiKeyOrThrow } from "./key-scope";
export { getApiKey, listApiKeys } from "./list-api-keys";
export { revokeApiKey } from "./revoke-api-key";
export { authenticateApiKey, verifyApiKey, type AuthenticatedKey } from "./verify-api-key";

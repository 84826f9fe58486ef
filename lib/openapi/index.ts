export { errorStatuses, type Access, type ApiOperation, type ApiResponse, type HttpVerb } from "./api-operation";
export { buildOpenApiDocument } from "./build-openapi-document";
export { OPERATIONS, REQUEST_COMPONENTS, RESPONSE_COMPONENTS } from "./operations";
export { buildWebhooksSection } from "./webhooks-section";

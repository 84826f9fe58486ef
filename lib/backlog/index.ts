export { getEndpointBacklog, getTenantBacklog } from "./get-backlog";
export { BACKLOG_RETENTION_DAYS, sampleBacklog } from "./sample-backlog";

export { auditActorOf, recordAuditEvent, type AuditActor } from "./record-audit-event";
export { listAuditEvents, toAuditEventView } from "./list-audit-events";

export { auditActorOf, recordAuditEvent, type AuditActor, type AuditTransaction } from "./record-audit-event";
export { listAuditEvents, toAuditEventView } from "./list-audit-events";

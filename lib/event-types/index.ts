export { assertEventTypesExist } from "./assert-event-types-exist";
export { assertSchemaAndExample, createEventType } from "./create-event-type";
export { toEventTypeView, type EventTypeView } from "./event-type-view";
export { getEventType, getEventTypeOrThrow } from "./get-event-type";
export { listAllEventTypes, listEventTypes } from "./list-event-types";
export { assertNotReserved, isReservedEventType, reservedEventTypeError } from "./reserved-event-types";
export { setEventTypeArchived } from "./set-event-type-archived";
export { updateEventType } from "./update-event-type";

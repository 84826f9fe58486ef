// hookline_publishes_total by outcome: accepted (new message), duplicate (idempotency key seen),
// rejected (the request was wrong: 4xx), error (anything else). A publish route counts what it
// published, and its route's onFailure counts what failed after authorization (parsing included).
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { publishOutcomes } from "./web-metrics";

export function countPublished<T extends ReadonlyArray<{ duplicate: boolean }>>(published: T): T {
  for (const message of published) publishOutcomes().inc({ outcome: message.duplicate ? "duplicate" : "accepted" });
  return published;
}

export function countFailedPublish(error: unknown): void {
  const rejected = (error instanceof AppError && error.status < 500) || error instanceof ZodError;
  publishOutcomes().inc({ outcome: rejected ? "rejected" : "error" });
}

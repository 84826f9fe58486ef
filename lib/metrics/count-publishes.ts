// hookline_publishes_total by outcome: accepted (new message), duplicate (idempotency key seen),
// rejected (the request was wrong: 4xx), error (anything else).
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { publishOutcomes } from "./web-metrics";

export async function countingPublishes<T extends ReadonlyArray<{ duplicate: boolean }>>(
  work: () => Promise<T>,
): Promise<T> {
  try {
    const published = await work();
    for (const message of published) publishOutcomes().inc({ outcome: message.duplicate ? "duplicate" : "accepted" });
    return published;
  } catch (error) {
    const rejected = (error instanceof AppError && error.status < 500) || error instanceof ZodError;
    publishOutcomes().inc({ outcome: rejected ? "rejected" : "error" });
    throw error;
  }
}

// "Test filter" on the endpoint form: a filter not yet saved, against the catalog examples of
// the endpoint's event types and the tenant's latest 20 messages, each marked match or not.
// The same evaluator as the publish path (lib/routing/filter.ts).
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { matchesFilter } from "@/lib/routing/filter";
import { ZTestFilter, type TTestFilter, type ZFilterTestResult } from "@/lib/schemas/routing";

export async function testEndpointFilter(
  tenantId: string,
  input: TTestFilter,
): Promise<z.infer<typeof ZFilterTestResult>> {
  const { filter, eventTypes } = ZTestFilter.parse(input);
  const [types, messages] = await Promise.all([
    eventTypes.length
      ? db().eventType.findMany({
          where: { name: { in: eventTypes } },
          select: { name: true, example: true },
          orderBy: { name: "asc" },
        })
      : [],
    db().message.findMany({
      where: { tenantId },
      orderBy: { id: "desc" },
      take: 20,
      select: { id: true, eventType: true, createdAt: true, payload: true },
    }),
  ]);
  return {
    examples: types
      .filter((type) => type.example !== null)
      .map((type) => ({ eventType: type.name, payload: type.example, matches: matchesFilter(filter, type.example) })),
    messages: messages.map((message) => ({
      id: message.id,
      eventType: message.eventType,
      createdAt: message.createdAt.toISOString(),
      payload: message.payload,
      matches: matchesFilter(filter, message.payload),
    })),
  };
}

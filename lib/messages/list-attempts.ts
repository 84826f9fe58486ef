import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { ZListAttemptsQuery } from "@/lib/schemas/messages";
import { getMessageOrThrow } from "./get-message";
import { idFloorForMessages } from "./id-floor";
import { toAttemptView, type AttemptView } from "./message-view";

/** Every HTTP try of a message (optionally to one endpoint), newest first, with request and response. */
export async function listAttempts(
  tenantId: string,
  messageId: string,
  query: z.output<typeof ZListAttemptsQuery>,
): Promise<Page<AttemptView>> {
  await getMessageOrThrow(tenantId, messageId);
  const rows = await db().attempt.findMany({
    where: {
      tenantId,
      messageId,
      id: keysetFilter(query.cursor, { gte: idFloorForMessages("attempt", [messageId]) }),
      ...(query.endpointId ? { endpointId: query.endpointId } : {}),
    },
    ...pageArgs(query),
  });
  return toPage(rows, query, (row) => row.id, toAttemptView);
}

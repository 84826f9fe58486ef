import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { ZListInvitesQuery } from "@/lib/schemas/tenants";
import { toInviteView, type InviteView } from "./invite-view";

export async function listInvites(
  tenantId: string,
  query: z.output<typeof ZListInvitesQuery>,
): Promise<Page<InviteView>> {
  const rows = await db().invite.findMany({ where: { tenantId, id: keysetFilter(query.cursor) }, ...pageArgs(query) });
  const now = Date.now();
  return toPage(
    rows,
    query,
    (row) => row.id,
    (row) => toInviteView(row, now),
  );
}

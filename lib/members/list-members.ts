import "server-only";
import type { z } from "zod";
import { keysetFilter, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { ZListMembersQuery } from "@/lib/schemas/tenants";
import { toMemberView, type MemberView } from "./member-view";

/** Members newest user first; memberships have no id of their own, so the key is the user id. */
export async function listMembers(
  tenantId: string,
  query: z.output<typeof ZListMembersQuery>,
): Promise<Page<MemberView>> {
  const rows = await db().membership.findMany({
    where: { tenantId, userId: keysetFilter(query.cursor) },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { userId: "desc" },
    take: query.limit + 1,
  });
  return toPage(rows, query, (row) => row.userId, toMemberView);
}

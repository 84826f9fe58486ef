import type { z } from "zod";
import type { Membership, User } from "@/lib/generated/prisma/client";
import type { ZMemberView } from "@/lib/schemas/tenants";

export type MemberView = z.infer<typeof ZMemberView>;

export function toMemberView(membership: Membership & { user: Pick<User, "email" | "name"> }): MemberView {
  return {
    userId: membership.userId,
    email: membership.user.email,
    name: membership.user.name,
    role: membership.role,
    joinedAt: membership.createdAt.toISOString(),
  };
}

import type { User } from "@/lib/generated/prisma/client";

export interface UserView {
  id: string;
  email: string;
  name: string | null;
  isOperator: boolean;
  createdAt: string;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isOperator: user.isOperator,
    createdAt: user.createdAt.toISOString(),
  };
}

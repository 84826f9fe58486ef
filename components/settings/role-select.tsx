import type { ChangeEvent } from "react";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export type Role = "owner" | "admin" | "viewer";

export const ROLES: Role[] = ["viewer", "admin", "owner"];
const RANK: Record<Role, number> = { viewer: 0, admin: 1, owner: 2 };

/** What each role may do, in one line (under the role pickers). */
export const ROLES_EXPLAINED =
  "Viewers read everything; admins also change endpoints, messages and API keys; owners also manage members and invites.";

/** The roles someone with `role` may hand out (never more than their own). */
export const grantableRoles = (role: Role) => ROLES.filter((candidate) => RANK[candidate] <= RANK[role]);

export const mayGrant = (granter: Role, role: Role) => RANK[role] <= RANK[granter];

/** A compact role picker for table rows (forms use SelectField). */
export function InlineRoleSelect({
  value,
  roles,
  label,
  disabled,
  title,
  onChange,
}: {
  value: Role;
  roles: Role[];
  label: string;
  disabled?: boolean;
  title?: string;
  onChange: (role: Role) => void;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      title={title}
      onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value as Role)}
      className={cn(
        "rounded-md border border-slate-300 bg-surface py-1 pl-2 pr-7 text-sm disabled:bg-slate-50 disabled:text-slate-500",
        focusRing,
      )}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </select>
  );
}

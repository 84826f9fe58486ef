"use client";
// Owners invite by email and role. There is no mail server: the answer holds the invite link,
// shown here once, to copy and send however the owner likes. Pending invites can be revoked.
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { ConfirmItemDialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, Td } from "@/components/ui/table";
import { ApiError } from "@/client/api-error";
import type { ListPage } from "@/client/hooks/use-paged-list";
import { grantableRoles, ROLES_EXPLAINED, type Role } from "./role-select";
import { useInvites, type CreatedInvite, type Invite } from "./use-invites";
import { LoadMore } from "@/components/ui/load-more";

export function InvitesCard({
  tenantId,
  role,
  initialPage,
}: {
  tenantId: string;
  role: Role;
  initialPage: ListPage<Invite>;
}) {
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [revoking, setRevoking] = useState<Invite | null>(null);
  const invites = useInvites(tenantId, initialPage, setCreated);
  const pending = invites.items.filter((invite) => invite.status === "pending");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "").trim();
    if (!/^\S+@\S+\.\S+$/.test(email)) return setErrors({ email: "Enter a valid email address." });
    setErrors({});
    setCreated(null);
    invites.create.mutate(
      { email, role: String(data.get("role")) as Role },
      {
        onSuccess: () => form.reset(),
        onError: (error) =>
          setErrors(error instanceof ApiError ? { email: error.fieldErrors().email ?? error.message } : {}),
      },
    );
  }

  return (
    <Card
      title="Invites"
      description="Invite people by email. They get a link that is valid for 7 days and works once, for that email address only."
    >
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-[1fr_9rem_auto] sm:items-start">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          placeholder="teammate@example.com"
          error={errors.email}
        />
        <SelectField label="Role" name="role" defaultValue="viewer">
          {grantableRoles(role).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
        <div className="sm:pt-7">
          <Button type="submit" busy={invites.create.isPending} className="w-full sm:w-auto">
            Create invite
          </Button>
        </div>
      </form>
      <p className="mt-2 text-xs text-slate-500">{ROLES_EXPLAINED}</p>

      {created && (
        <div
          className="mt-5 space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4"
          role="region"
          aria-label="New invite link"
        >
          <p role="status" className="text-sm font-medium text-emerald-800">
            Invite for {created.email} created.
          </p>
          <p className="text-sm text-amber-900">
            <strong>Copy this link now</strong> and send it to {created.email}: it is shown only once. It lets{" "}
            {created.email} join as <strong>{created.role}</strong>.
          </p>
          <CodeBlock label="Invite link" value={created.url} />
          <Button variant="secondary" size="sm" onClick={() => setCreated(null)}>
            Done
          </Button>
        </div>
      )}

      <h3 className="mb-2 mt-6 text-sm font-semibold text-slate-900">Pending invites</h3>
      {pending.length === 0 ? (
        <p className="text-sm text-slate-500">
          No pending invites. Invites that were accepted, revoked or expired are not listed.
        </p>
      ) : (
        <Table label="Pending invites" head={["Email", "Role", "Expires", { label: "Actions", hidden: true }]}>
          {pending.map((invite) => (
            <tr key={invite.id}>
              <Td className="font-medium text-slate-900">{invite.email}</Td>
              <Td>
                <Badge>{invite.role}</Badge>
              </Td>
              <Td>
                <RelativeTime iso={invite.expiresAt} />
              </Td>
              <Td className="text-right">
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Revoke the invite for ${invite.email}`}
                  onClick={() => setRevoking(invite)}
                >
                  Revoke
                </Button>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <LoadMore query={invites} className="mt-4" />
      <ConfirmItemDialog
        item={revoking}
        mutation={invites.revoke}
        onClose={() => setRevoking(null)}
        title="Revoke this invite?"
        confirmLabel="Revoke invite"
      >
        {(invite) => <>The link sent to {invite.email} stops working at once.</>}
      </ConfirmItemDialog>
    </Card>
  );
}

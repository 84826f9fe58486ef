"use client";
// API keys of the tenant, for its backend. Admins and owners create keys (with a role no higher
// than their own) and revoke them; the key itself is shown once, right after creation.
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { ConfirmItemDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, Td } from "@/components/ui/table";
import { ApiError } from "@/client/api-error";
import type { ListPage } from "@/client/hooks/use-paged-list";
import { grantableRoles, mayGrant, ROLES_EXPLAINED, type Role } from "./role-select";
import { useApiKeys, type ApiKey, type CreatedApiKey } from "./use-api-keys";
import { LoadMore } from "@/components/ui/load-more";

function keyState(key: ApiKey): { label: string; tone: "success" | "danger" | "warning" } {
  if (key.revokedAt) return { label: "revoked", tone: "danger" };
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) return { label: "expired", tone: "warning" };
  return { label: "active", tone: "success" };
}

export function ApiKeysCard({
  tenantId,
  role,
  canWrite,
  initialPage,
}: {
  tenantId: string;
  role: Role;
  canWrite: boolean;
  initialPage: ListPage<ApiKey>;
}) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = useApiKeys(tenantId, initialPage, setCreated);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "").trim();
    if (!name) return setNameError("Name the key after what uses it, e.g. “billing backend”.");
    setNameError(undefined);
    setCreated(null);
    keys.create.mutate(
      { name, role: String(data.get("role")) as Role },
      {
        onSuccess: () => form.reset(),
        onError: (error) =>
          setNameError(error instanceof ApiError ? (error.fieldErrors().name ?? error.message) : undefined),
      },
    );
  }

  return (
    <Card
      title="API keys"
      description="Your backend publishes messages and manages endpoints with these keys (Authorization: Bearer …)."
    >
      {canWrite && (
        <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-[1fr_9rem_auto] sm:items-start">
          <TextField label="Key name" name="name" autoComplete="off" placeholder="billing backend" error={nameError} />
          <SelectField label="Key role" name="role" defaultValue={role === "owner" ? "admin" : role}>
            {grantableRoles(role).map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </SelectField>
          <div className="sm:pt-7">
            <Button type="submit" busy={keys.create.isPending} className="w-full sm:w-auto">
              Create key
            </Button>
          </div>
        </form>
      )}
      {canWrite && (
        <p className="mb-5 mt-2 text-xs text-slate-500">{ROLES_EXPLAINED} A key never gets more than your own role.</p>
      )}

      {created && (
        <div
          className="mb-5 space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4"
          role="region"
          aria-label="New API key"
        >
          <p role="status" className="text-sm font-medium text-emerald-800">
            API key “{created.name}” created.
          </p>
          <p className="text-sm text-amber-900">
            <strong>Copy this key now: it will not be shown again.</strong> Only a hash of it is stored. Keep it in your
            backend&apos;s secret store, never in a browser or a repository.
          </p>
          <CodeBlock label="New API key" value={created.key} />
          <Button variant="secondary" size="sm" onClick={() => setCreated(null)}>
            I have copied it
          </Button>
        </div>
      )}

      {keys.items.length === 0 ? (
        <EmptyState title="No API keys yet">
          {canWrite
            ? "Create a key for your backend to publish messages through the API."
            : "An admin of this tenant can create keys for your backend."}
        </EmptyState>
      ) : (
        <Table
          label="API keys"
          head={[
            "Name",
            "Key",
            "Role",
            "Last used",
            "Created",
            "Status",
            ...(canWrite ? [{ label: "Actions", hidden: true } as const] : []),
          ]}
        >
          {keys.items.map((key) => {
            const state = keyState(key);
            const revocable = canWrite && !key.revokedAt && (!key.role || mayGrant(role, key.role));
            return (
              <tr key={key.id}>
                <Td className="font-medium text-slate-900">{key.name}</Td>
                <Td className="font-mono text-xs">hl_{key.prefix}_…</Td>
                <Td>{key.role ? <Badge>{key.role}</Badge> : "—"}</Td>
                <Td>
                  {key.lastUsedAt ? (
                    <RelativeTime iso={key.lastUsedAt} />
                  ) : (
                    <span className="text-slate-400">never</span>
                  )}
                </Td>
                <Td>
                  <RelativeTime iso={key.createdAt} />
                </Td>
                <Td>
                  <Badge tone={state.tone}>{state.label}</Badge>
                </Td>
                {canWrite && (
                  <Td className="text-right">
                    {revocable && (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Revoke the key ${key.name}`}
                        busy={keys.revoke.isPending && keys.revoke.variables?.id === key.id}
                        onClick={() => setRevoking(key)}
                      >
                        Revoke
                      </Button>
                    )}
                  </Td>
                )}
              </tr>
            );
          })}
        </Table>
      )}
      <LoadMore query={keys} className="mt-4" />
      <ConfirmItemDialog
        item={revoking}
        mutation={keys.revoke}
        onClose={() => setRevoking(null)}
        title="Revoke this API key?"
        confirmLabel="Revoke key"
      >
        {(key) => (
          <>
            Requests with “{key.name}” (hl_{key.prefix}_…) are refused from now on with 401. This cannot be undone.
          </>
        )}
      </ConfirmItemDialog>
    </Card>
  );
}

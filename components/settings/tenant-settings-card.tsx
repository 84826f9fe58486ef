"use client";
// The tenant's own settings. Owners rename it; the retention period and the API rate limit cost
// the operator storage and capacity, so only operators change them (the API enforces both).
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { ApiError } from "@/client/api-error";
import { useTenant, type Tenant } from "./use-tenant";

function ReadOnly({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{value}</dd>
      {hint && <dd className="mt-0.5 text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

export function TenantSettingsCard({
  initial,
  canRename,
  isOperator,
}: {
  initial: Tenant;
  canRename: boolean;
  isOperator: boolean;
}) {
  const { tenant, update } = useTenant(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const rateLimit = tenant.apiRateLimit === null ? "server default" : `${tenant.apiRateLimit} requests/s per key`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const local: Record<string, string> = {};
    const patch: { name?: string; retentionDays?: number; apiRateLimit?: number | null } = {};
    if (canRename) {
      patch.name = String(data.get("name") ?? "").trim();
      if (!patch.name) local.name = "The tenant needs a name.";
    }
    if (isOperator) {
      const retention = Number(data.get("retentionDays"));
      if (!Number.isInteger(retention) || retention < 1 || retention > 3_650)
        local.retentionDays = "Between 1 and 3650 days.";
      patch.retentionDays = retention;
      const limit = String(data.get("apiRateLimit") ?? "").trim();
      patch.apiRateLimit = limit === "" ? null : Number(limit);
      if (
        patch.apiRateLimit !== null &&
        (!Number.isInteger(patch.apiRateLimit) || patch.apiRateLimit < 1 || patch.apiRateLimit > 100_000)
      )
        local.apiRateLimit = "A whole number from 1 to 100000, or empty for the server default.";
    }
    setErrors(local);
    if (Object.keys(local).length) return;
    update.mutate(patch, { onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}) });
  }

  const editable = canRename || isOperator;
  return (
    <Card
      title="Tenant"
      description={editable ? undefined : "Only owners can rename the tenant; limits are set by the platform operator."}
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <dl className="grid gap-4 sm:grid-cols-2">
          {canRename ? (
            <TextField label="Tenant name" name="name" defaultValue={tenant.name} maxLength={200} error={errors.name} />
          ) : (
            <ReadOnly label="Tenant name" value={tenant.name} />
          )}
          <ReadOnly label="Tenant id" value={tenant.id} hint="Use it in API paths: /api/v1/tenants/{id}/…" />
          {isOperator ? (
            <>
              <TextField
                label="Retention (days)"
                name="retentionDays"
                type="number"
                min={1}
                max={3650}
                defaultValue={tenant.retentionDays}
                error={errors.retentionDays}
                hint="Messages and attempts older than this are deleted."
              />
              <TextField
                label="API rate limit (requests/s per key)"
                name="apiRateLimit"
                type="number"
                min={1}
                max={100000}
                defaultValue={tenant.apiRateLimit ?? ""}
                placeholder="server default"
                error={errors.apiRateLimit}
                hint="Empty: the server's HOOKLINE_API_RATE_LIMIT."
              />
            </>
          ) : (
            <>
              <ReadOnly
                label="Retention"
                value={`${tenant.retentionDays} days`}
                hint="Messages and attempts older than this are deleted. Set by the platform operator."
              />
              <ReadOnly label="API rate limit" value={rateLimit} hint="Set by the platform operator." />
            </>
          )}
        </dl>
        {editable && (
          <div className="flex justify-end">
            <Button type="submit" busy={update.isPending}>
              Save settings
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}

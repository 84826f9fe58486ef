"use client";
// The tenant's portal, for operators: how it looks to the platform's customer (brand name, logo,
// primary colour, light or dark) and which of the platform's pages may embed it. Empty fields
// fall back to the HOOKLINE_PORTAL_* settings; the API (PATCH /tenants/{t}, `portal`) checks it all.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ApiError } from "@/client/api-error";
import type { TPortalSettings } from "@/lib/schemas/portal";
import { useTenant, type Tenant } from "./use-tenant";

export function PortalSettingsCard({ initial }: { initial: Tenant }) {
  const { tenant, update } = useTenant(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const portal = tenant.portal ?? {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const settings: TPortalSettings = {};
    if (text("brandName")) settings.brandName = text("brandName");
    if (text("logoUrl")) settings.logoUrl = text("logoUrl");
    if (text("primaryColor")) settings.primaryColor = text("primaryColor");
    if (text("theme") === "light" || text("theme") === "dark") settings.theme = text("theme") as "light" | "dark";
    const origins = text("allowedOrigins")
      .split(/[\s,]+/)
      .filter(Boolean);
    if (origins.length) settings.allowedOrigins = origins;
    setErrors({});
    update.mutate(
      { portal: Object.keys(settings).length ? settings : null },
      { onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}) },
    );
  }

  const error = (name: string) =>
    errors[`portal.${name}`] ?? Object.entries(errors).find(([path]) => path.startsWith(`portal.${name}.`))?.[1];
  return (
    <Card
      title="Portal"
      description="How this tenant's portal looks when the platform opens it for its customer, and which pages may embed it. Empty: the server's HOOKLINE_PORTAL_* settings."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Brand name"
            name="brandName"
            defaultValue={portal.brandName ?? ""}
            maxLength={80}
            placeholder="server default"
            error={error("brandName")}
          />
          <TextField
            label="Logo URL"
            name="logoUrl"
            type="url"
            defaultValue={portal.logoUrl ?? ""}
            placeholder="https://…/logo.svg"
            error={error("logoUrl")}
          />
          <TextField
            label="Primary colour"
            name="primaryColor"
            defaultValue={portal.primaryColor ?? ""}
            placeholder="#2756e0"
            error={error("primaryColor")}
            hint="#rrggbb"
          />
          <SelectField label="Theme" name="theme" defaultValue={portal.theme ?? ""} error={error("theme")}>
            <option value="">server default</option>
            <option value="light">light</option>
            <option value="dark">dark</option>
          </SelectField>
        </div>
        <TextAreaField
          label="Allowed origins"
          name="allowedOrigins"
          rows={3}
          defaultValue={(portal.allowedOrigins ?? []).join("\n")}
          placeholder="https://app.example.com"
          error={error("allowedOrigins")}
          hint="Pages that may embed the portal in an iframe, one origin a line (added to HOOKLINE_PORTAL_ALLOWED_ORIGINS)."
        />
        <div className="flex justify-end">
          <Button type="submit" busy={update.isPending}>
            Save portal
          </Button>
        </div>
      </form>
    </Card>
  );
}

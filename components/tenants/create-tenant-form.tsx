"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { api, ApiError, unwrap } from "@/client/browser-api";

/** Operator: a new tenant by name, then straight into it. */
export function CreateTenantForm({ onCreated }: { onCreated?: (id: string) => void }) {
  const router = useRouter();
  const { notify } = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!name) return setError("Give the tenant a name.");
    setBusy(true);
    setError(undefined);
    try {
      const tenant = await unwrap(api.POST("/tenants", { body: { name } }));
      notify("success", `Tenant “${name}” created.`);
      if (onCreated) onCreated(tenant.id);
      else router.push(`/t/${tenant.id}`);
      router.refresh();
    } catch (caught) {
      const message = caught instanceof ApiError ? caught.message : "Could not create the tenant.";
      setError(caught instanceof ApiError ? (caught.fieldErrors().name ?? message) : message);
      notify("error", message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="flex w-full max-w-md flex-col gap-3 text-left sm:flex-row sm:items-end"
      noValidate
    >
      <div className="flex-1">
        <TextField label="Tenant name" name="name" required error={error} />
      </div>
      <Button type="submit" busy={busy}>
        Create tenant
      </Button>
    </form>
  );
}

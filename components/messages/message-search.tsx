"use client";
// "Find a message by id": a well-formed msg_… id that exists in this tenant opens it; anything
// else says why not, under the field.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button, focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { api, ApiError, unwrap } from "@/client/browser-api";

// The shape of a message id (lib/ids.ts): msg_ and a 26-character ULID.
const MESSAGE_ID = /^msg_[0-9A-HJKMNP-TV-Z]{26}$/;

export function MessageSearch({ tenantId }: { tenantId: string }) {
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = String(new FormData(event.currentTarget).get("message") ?? "").trim();
    const messageId = raw.startsWith("msg_") || raw.startsWith("MSG_") ? `msg_${raw.slice(4).toUpperCase()}` : raw;
    if (!MESSAGE_ID.test(messageId)) {
      setError("Message ids look like msg_ followed by 26 letters and digits.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.GET("/tenants/{tenant}/messages/{message}", { params: { path: { tenant: tenantId, message: messageId } } }),
      );
      router.push(`/t/${tenantId}/messages/${messageId}`);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 404
          ? `No message ${messageId} in this tenant.`
          : "Could not look the message up; try again.",
      );
      setBusy(false);
    }
  }

  return (
    <form role="search" onSubmit={submit} className="w-full sm:w-auto" noValidate>
      <div className="flex gap-2">
        <label htmlFor={id} className="sr-only">
          Message id
        </label>
        <input
          id={id}
          name="message"
          placeholder="Find by id: msg_…"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={() => setError(null)}
          className={cn(
            "min-w-0 flex-1 rounded-md border bg-surface px-3 py-2 font-mono text-sm shadow-sm placeholder:font-sans placeholder:text-slate-400 sm:w-80",
            error ? "border-red-500" : "border-slate-300",
            focusRing,
          )}
        />
        <Button type="submit" variant="secondary" busy={busy}>
          Find
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1.5 text-sm text-danger sm:max-w-[24rem]">
          {error}
        </p>
      )}
    </form>
  );
}

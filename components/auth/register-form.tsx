"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ApiError, postAccount } from "@/client/browser-api";

interface Props {
  /** A fresh instance: this account becomes the platform operator. */
  firstUser: boolean;
  inviteToken?: string;
  inviteEmail?: string;
  callbackUrl?: string;
}

export function RegisterForm({ firstUser, inviteToken, inviteEmail, callbackUrl }: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const local: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(email)) local.email = "Enter a valid email address.";
    if (password.length < 8) local.password = "Use at least 8 characters.";
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const tenantName = String(form.get("tenantName") ?? "").trim();
      const name = String(form.get("name") ?? "").trim();
      const registration = await postAccount("/api/account/register", {
        email,
        password,
        ...(name ? { name } : {}),
        ...(tenantName ? { tenantName } : {}),
        ...(inviteToken ? { inviteToken } : {}),
      });
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        router.push(`/sign-in?email=${encodeURIComponent(email)}`);
        return;
      }
      router.push(callbackUrl ?? (registration.tenantId ? `/t/${registration.tenantId}` : "/t"));
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors());
        setFormError(error.message);
      } else setFormError("Registration failed: the server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {firstUser && (
        <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700 ring-1 ring-brand-100">
          This is a new Hookline instance: your account becomes the <strong>platform operator</strong>.
        </p>
      )}
      {formError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
          {formError}
        </p>
      )}
      <TextField label="Name" name="name" autoComplete="name" error={errors.name} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={inviteEmail}
        readOnly={Boolean(inviteEmail)}
        error={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
        hint="At least 8 characters."
      />
      {!inviteToken && (
        <TextField
          label="Organization"
          name="tenantName"
          autoComplete="organization"
          error={errors.tenantName}
          hint={
            firstUser
              ? "Optional: create a tenant for yourself now."
              : "Your tenant: where your endpoints and messages live."
          }
        />
      )}
      <Button type="submit" busy={busy} className="w-full">
        Create account
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already registered?{" "}
        <Link
          href={`/sign-in${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
          className="font-medium text-brand-700 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}

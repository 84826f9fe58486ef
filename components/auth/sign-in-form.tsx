"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email or password is wrong.",
  rate_limited: "Too many sign-in attempts. Wait a minute and try again.",
};

interface Props {
  callbackUrl: string;
  email?: string;
  /** Why there is no Register link (registration by invitation or closed); null: anyone may register. */
  registration?: string | null;
}

export function SignInForm({ callbackUrl, email: initialEmail = "", registration = null }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: form.get("email"),
        password: form.get("password"),
        redirect: false,
      });
      if (!result || result.error) {
        setError(MESSAGES[result?.error ?? ""] ?? "Sign-in failed. Try again.");
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError("Sign-in failed: the server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
          {error}
        </p>
      )}
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={initialEmail} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" busy={busy} className="w-full">
        Sign in
      </Button>
      {registration ? (
        <p className="text-center text-sm text-slate-600">{registration}</p>
      ) : (
        <p className="text-center text-sm text-slate-600">
          No account yet?{" "}
          <Link
            href={`/register${callbackUrl !== "/t" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
            className="font-medium text-brand-700 hover:underline"
          >
            Register
          </Link>
        </p>
      )}
    </form>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 flex items-center gap-2 text-xl font-semibold text-slate-900">
        <span
          aria-hidden
          className="grid h-9 w-9 place-items-center rounded-lg bg-brand-600 text-base font-bold text-white"
        >
          H
        </span>
        Hookline
      </Link>
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-surface p-6 shadow-sm sm:p-8">
        {children}
      </div>
    </main>
  );
}

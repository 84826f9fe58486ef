import Link from "next/link";

export const dynamic = "force-dynamic";

const features = [
  {
    title: "Signed",
    text: "Every request carries Standard Webhooks signatures your receivers can verify with any library.",
  },
  {
    title: "Retried",
    text: "Failures are retried on an exponential schedule; nothing published is ever silently lost.",
  },
  {
    title: "Logged",
    text: "Every attempt is recorded with its request, response and latency, ready to inspect and resend.",
  },
];

export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-4xl flex-col justify-center px-6 py-16">
      <div className="flex items-center gap-3">
        <span
          aria-hidden
          className="grid h-10 w-10 place-items-center rounded-lg bg-brand-600 text-lg font-bold text-white"
        >
          H
        </span>
        <span className="text-2xl font-semibold tracking-tight">Hookline</span>
      </div>
      <h1 className="mt-10 text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
        Webhooks your customers can trust.
      </h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-600">
        Publish an event once; Hookline signs it, delivers it to every subscribed endpoint, retries what fails and shows
        you each attempt.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link
          href="/sign-in"
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-primary-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Sign in
        </Link>
        <Link
          href="/api/health"
          className="rounded-md border border-slate-300 bg-surface px-4 py-2 font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          System health
        </Link>
      </div>
      <ul className="mt-14 grid gap-4 sm:grid-cols-3">
        {features.map((feature) => (
          <li key={feature.title} className="rounded-lg border border-slate-200 bg-surface p-5 shadow-sm">
            <h2 className="font-semibold">{feature.title}</h2>
            <p className="mt-2 text-sm text-slate-600">{feature.text}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}

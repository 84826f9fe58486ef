"use client";
// The routing side of a message: its channels, tags and ordering key in the details, and the
// endpoints that took its type but whose payload filter did not match (so "why didn't my
// endpoint get it?" has an answer on the page).
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { MessageView } from "./use-message";

export function LabelList({ labels, tenantId, kind }: { labels: string[]; tenantId: string; kind: "channel" | "tag" }) {
  if (!labels.length) return <span className="text-slate-500">None</span>;
  return (
    <span className="flex flex-wrap gap-1.5">
      {labels.map((label) => (
        <Link key={label} href={`/t/${tenantId}/messages?${kind}=${encodeURIComponent(label)}`}>
          <Badge tone={kind === "channel" ? "info" : "neutral"}>{label}</Badge>
        </Link>
      ))}
    </span>
  );
}

export function SkippedByFilter({
  tenantId,
  skipped,
  labels,
}: {
  tenantId: string;
  skipped: MessageView["skippedByFilter"];
  labels: Map<string, { label: string }>;
}) {
  if (!skipped.length) return null;
  return (
    <section aria-labelledby="skipped-heading" className="space-y-2">
      <h2 id="skipped-heading" className="text-lg font-semibold text-slate-900">
        Skipped by their filter
      </h2>
      <p className="text-sm text-slate-600">
        These endpoints take this event type, but their payload filter did not match this message, so it was not sent to
        them.
      </p>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-surface">
        {skipped.map((entry) => (
          <li key={entry.endpointId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
            {entry.endpointUrl ? (
              <Link
                href={`/t/${tenantId}/endpoints/${entry.endpointId}`}
                className="min-w-0 break-all font-medium text-brand-700 hover:underline"
              >
                {labels.get(entry.endpointId)?.label ?? entry.endpointUrl}
              </Link>
            ) : (
              <span className="min-w-0 break-all text-slate-500">{entry.endpointId} (deleted)</span>
            )}
            <Badge>filtered out</Badge>
          </li>
        ))}
      </ul>
    </section>
  );
}

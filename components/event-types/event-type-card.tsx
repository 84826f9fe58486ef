// One event type of the catalog: name, description, archived or not; opened, its fields, JSON
// Schema and example payload, and a link to its messages.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Markdown } from "@/components/ui/markdown";
import { JsonBlock } from "@/components/ui/json-block";
import { SchemaFields } from "./schema-fields";
import type { EventTypeView } from "./use-event-types";

export function EventTypeCard({
  eventType,
  tenantId,
  open,
}: {
  eventType: EventTypeView;
  tenantId: string;
  open: boolean;
}) {
  return (
    <li>
      <details
        open={open}
        className={cn(
          "group rounded-lg border border-slate-200 bg-surface shadow-sm",
          eventType.archived && "bg-slate-50",
        )}
      >
        <summary className="flex cursor-pointer list-none items-start gap-3 px-5 py-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden">
          <svg
            aria-hidden
            viewBox="0 0 20 20"
            fill="currentColor"
            className="mt-0.5 h-4 w-4 shrink-0 text-slate-400 transition-transform group-open:rotate-90"
          >
            <path d="M7 4l6 6-6 6z" />
          </svg>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <h2
                className={cn(
                  "break-words font-mono text-sm font-semibold",
                  eventType.archived ? "text-slate-500" : "text-slate-900",
                )}
              >
                {eventType.name}
              </h2>
              {eventType.archived && <Badge tone="warning">archived</Badge>}
            </div>
            {eventType.description ? (
              <Markdown className="mt-1 text-sm text-slate-600">{eventType.description}</Markdown>
            ) : (
              <p className="mt-1 text-sm italic text-slate-400">No description.</p>
            )}
          </div>
        </summary>
        <div className="space-y-4 border-t border-slate-200 px-5 py-4">
          {eventType.archived && (
            <p className="text-sm text-amber-800">
              Archived: no new messages of this type are published; earlier ones stay in the log.
            </p>
          )}
          <SchemaFields schema={eventType.schema} name={eventType.name} />
          <div className="grid gap-4 lg:grid-cols-2">
            <section className="min-w-0 space-y-2">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">JSON Schema</h3>
              {eventType.schema ? (
                <JsonBlock value={eventType.schema} label={`Schema of ${eventType.name}`} maxHeight="20rem" />
              ) : (
                <p className="text-sm text-slate-500">No schema: any JSON object is accepted.</p>
              )}
            </section>
            <section className="min-w-0 space-y-2">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Example payload</h3>
              {eventType.example ? (
                <JsonBlock value={eventType.example} label={`Example of ${eventType.name}`} maxHeight="20rem" />
              ) : (
                <p className="text-sm text-slate-500">No example.</p>
              )}
            </section>
          </div>
          <Link
            href={`/t/${tenantId}/messages?eventType=${encodeURIComponent(eventType.name)}`}
            className="inline-block text-sm font-medium text-brand-700 hover:underline"
          >
            See messages of {eventType.name} →
          </Link>
        </div>
      </details>
    </li>
  );
}

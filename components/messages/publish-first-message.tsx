// The log's empty state: how this tenant's first message gets here, with a curl command that
// works as it is (this instance's URL, this tenant's id, an event type of the catalog and its
// example payload) once an API key is put in HOOKLINE_API_KEY.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";

/** Quotes a string for a POSIX shell, inside single quotes. */
const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export function publishCommand(publicUrl: string, tenantId: string, eventType: string, example: object): string {
  const body = JSON.stringify({ eventType, payload: example });
  return [
    `curl -X POST ${publicUrl}/api/v1/tenants/${tenantId}/messages \\`,
    `  -H "Authorization: Bearer $HOOKLINE_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d ${shellQuote(body)}`,
  ].join("\n");
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span
        aria-hidden
        className="grid h-6 w-6 shrink-0 place-items-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700 ring-1 ring-brand-100"
      >
        {number}
      </span>
      <div className="min-w-0 flex-1">
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        <div className="mt-1 space-y-2 text-sm text-slate-600">{children}</div>
      </div>
    </li>
  );
}

export function PublishFirstMessage({
  tenantId,
  publicUrl,
  eventType,
  endpointCount,
}: {
  tenantId: string;
  publicUrl: string;
  eventType: { name: string; example: object | null } | null;
  endpointCount: number;
}) {
  const command = publishCommand(
    publicUrl,
    tenantId,
    eventType?.name ?? "invoice.paid",
    eventType?.example ?? { id: "in_42", amount: 4200 },
  );
  return (
    <Card
      title="No messages yet"
      description="Messages your platform publishes for this tenant show up here as they arrive — keep this page open, it updates by itself."
    >
      <ol className="space-y-5">
        <Step number={1} title={endpointCount ? "Endpoints are ready" : "Add an endpoint"}>
          {endpointCount ? (
            <p>
              {endpointCount} endpoint{endpointCount === 1 ? "" : "s"} will receive the messages{" "}
              {endpointCount === 1 ? "it is" : "they are"} subscribed to.
            </p>
          ) : (
            <p>
              A message is delivered to every enabled endpoint subscribed to its type.{" "}
              <Link href={`/t/${tenantId}/endpoints`} className="font-medium text-brand-700 hover:underline">
                Add an endpoint
              </Link>{" "}
              first, or publish now and see the message with no delivery.
            </p>
          )}
        </Step>
        <Step number={2} title="Get an API key">
          <p>
            Create a key with the admin role under{" "}
            <Link href={`/t/${tenantId}/settings`} className="font-medium text-brand-700 hover:underline">
              Settings
            </Link>{" "}
            and put it in <code className="rounded bg-slate-100 px-1 font-mono text-xs">HOOKLINE_API_KEY</code>.
          </p>
        </Step>
        <Step number={3} title="Publish a message">
          {eventType ? (
            <p>
              Here with the example payload of{" "}
              <code className="rounded bg-slate-100 px-1 font-mono text-xs">{eventType.name}</code>; any type of the{" "}
              <Link href={`/t/${tenantId}/event-types`} className="font-medium text-brand-700 hover:underline">
                event-type catalog
              </Link>{" "}
              works.
            </p>
          ) : (
            <p>
              The event-type catalog is still empty: an operator adds types (like invoice.paid) before messages of them
              can be published.
            </p>
          )}
          <CodeBlock label="Publish command" value={command} />
        </Step>
      </ol>
    </Card>
  );
}

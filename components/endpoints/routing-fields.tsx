"use client";
// The routing part of the endpoint form: a payload filter (MongoDB-style query) with a test
// panel that marks the event types' examples and the tenant's latest 20 messages as match or
// no match before anything is saved, the channels the endpoint takes, and FIFO ordering.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Time } from "@/components/ui/time";
import type { FormErrors } from "./endpoint-form-values";
import { parseFilterText, type RoutingFormValues } from "./routing-form-values";
import { useTestFilter, type FilterTestResult } from "./use-routing";

const EXAMPLE = '{ "amount": { "$gte": 100 }, "currency": { "$in": ["EUR", "USD"] } }';

export function RoutingFields({
  tenantId,
  values,
  eventTypes,
  errors,
  onChange,
}: {
  tenantId: string;
  values: RoutingFormValues;
  /** The event types the endpoint takes (their examples are tested); empty: every type. */
  eventTypes: string[];
  errors: FormErrors;
  onChange: (values: RoutingFormValues) => void;
}) {
  const test = useTestFilter(tenantId);
  const parsed = parseFilterText(values.filter);
  // The filter is checked as it is typed, with the server's own rules (the path of the problem).
  const filterError = errors.filter ?? ("error" in parsed ? parsed.error : undefined);

  function runTest() {
    if ("error" in parsed) return;
    test.mutate({ filter: parsed.filter ?? {}, eventTypes });
  }

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <TextAreaField
          label="Payload filter (optional)"
          name="filter"
          rows={5}
          spellCheck={false}
          placeholder={EXAMPLE}
          value={values.filter}
          onChange={(event) => onChange({ ...values, filter: event.target.value })}
          error={filterError}
          hint={
            <>
              Only messages whose payload matches are delivered. MongoDB-style: dot paths (<code>customer.country</code>
              , <code>items.0.sku</code>), <code>$eq $ne $in $nin $gt $gte $lt $lte $exists $and $or $not</code>.
            </>
          }
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="button"
            variant="secondary"
            onClick={runTest}
            busy={test.isPending}
            disabled={"error" in parsed}
          >
            Test filter
          </Button>
          <span className="text-sm text-slate-500">
            Against {eventTypes.length ? "the chosen event types' examples" : "the catalog examples"} and the last 20
            messages; nothing is saved.
          </span>
        </div>
        {test.error && !filterError && (
          <p role="alert" className="text-sm text-danger">
            {test.error.message}
          </p>
        )}
        {test.data && !("error" in parsed) && <FilterTestPanel result={test.data} />}
      </div>

      <TextField
        label="Channels (optional)"
        name="channels"
        autoComplete="off"
        spellCheck={false}
        placeholder="billing, eu"
        value={values.channels}
        onChange={(event) => onChange({ ...values, channels: event.target.value })}
        error={errors.channels}
        hint="With channels, the endpoint receives only messages published to at least one of them."
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Ordering"
          name="ordering"
          value={values.ordering}
          onChange={(event) => onChange({ ...values, ordering: event.target.value as RoutingFormValues["ordering"] })}
          error={errors.ordering}
          hint="FIFO: messages with the same ordering key are sent one at a time, in publish order."
        >
          <option value="none">None (fastest)</option>
          <option value="fifo">FIFO per ordering key</option>
        </SelectField>
        <SelectField
          label="When a FIFO message finally fails"
          name="fifoOnFailure"
          value={values.fifoOnFailure}
          disabled={values.ordering !== "fifo"}
          onChange={(event) =>
            onChange({ ...values, fifoOnFailure: event.target.value as RoutingFormValues["fifoOnFailure"] })
          }
          error={errors.fifoOnFailure}
          hint="Skip: its key moves on. Pause: the endpoint is disabled until you recover it, in order."
        >
          <option value="skip">Skip it, keep going</option>
          <option value="pause">Pause the endpoint</option>
        </SelectField>
      </div>
    </div>
  );
}

function MatchBadge({ matches }: { matches: boolean }) {
  return <Badge tone={matches ? "success" : "neutral"}>{matches ? "match" : "no match"}</Badge>;
}

function FilterTestPanel({ result }: { result: FilterTestResult }) {
  const matching = result.messages.filter((message) => message.matches).length;
  return (
    <section aria-label="Filter test" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <p className="font-medium text-slate-700">
        {matching} of the last {result.messages.length} messages match
      </p>
      <ul className="mt-2 divide-y divide-slate-200" data-testid="filter-test-results">
        {result.examples.map((example) => (
          <li key={`example-${example.eventType}`} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
            <span className="min-w-0 break-all">
              <span className="text-slate-500">Example of </span>
              <span className="font-mono">{example.eventType}</span>
            </span>
            <MatchBadge matches={example.matches} />
          </li>
        ))}
        {result.messages.map((message) => (
          <li key={message.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
            <details className="min-w-0 flex-1">
              <summary className="cursor-pointer break-all">
                <span className="font-mono">{message.eventType}</span>{" "}
                <span className="text-slate-500">
                  <Time value={message.createdAt} />
                </span>
              </summary>
              <pre className="mt-1 max-h-48 overflow-auto rounded bg-surface p-2 text-xs">
                {JSON.stringify(message.payload, null, 2)}
              </pre>
            </details>
            <MatchBadge matches={message.matches} />
          </li>
        ))}
        {result.examples.length + result.messages.length === 0 && (
          <li className="py-1.5 text-slate-500">No examples or messages to test yet.</li>
        )}
      </ul>
    </section>
  );
}

"use client";
// Creating or editing one event type: name, description, JSON Schema and example as JSON text.
// Text that is not JSON is caught here; whether the schema is a valid draft 2020-12 schema and
// the example matches it is the API's call, and its errors are shown next to their field.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextAreaField, TextField } from "@/components/ui/field";
import { ApiError } from "@/client/api-error";
import type { Schemas } from "@/client/browser-api";
import { parseScheduleText, RetryScheduleField, scheduleText } from "@/components/policies/retry-schedule-field";
import type { EventType } from "./use-catalog";

/** What the form submits: a whole event type (the API's create body, every field given). */
export type EventTypeInput = Required<Schemas["CreateEventType"]>;

type Field = "name" | "description" | "schema" | "example" | "retrySchedule";

const pretty = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value, null, 2));

/** Empty text is "none" (null); anything else must be a JSON object. */
function parseObject(text: string): { value: Record<string, unknown> | null } | { error: string } {
  if (!text.trim()) return { value: null };
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value)) return { error: "Must be a JSON object ({ … })." };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}

/** The API's error as messages per form field: `schema.properties.amount: …` goes under Schema. */
export function errorsByField(error: unknown): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<Field, string[]>> = {};
  const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
  for (const detail of details) {
    if (typeof detail.path !== "string" || typeof detail.message !== "string") continue;
    const [field, ...rest] = detail.path.split(".");
    if (
      field !== "name" &&
      field !== "description" &&
      field !== "schema" &&
      field !== "example" &&
      field !== "retrySchedule"
    )
      continue;
    (out[field] ??= []).push(rest.length ? `${rest.join(".")}: ${detail.message}` : detail.message);
  }
  const joined: Partial<Record<Field, string>> = {};
  for (const [field, messages] of Object.entries(out) as Array<[Field, string[]]>) {
    const lead = field === "schema" || field === "example" ? `${error.message} ` : "";
    joined[field] = `${lead}${messages.join("; ")}`;
  }
  return joined;
}

export function EventTypeForm({
  editing,
  busy,
  onSubmit,
  onCancel,
}: {
  editing: EventType | null;
  busy: boolean;
  onSubmit: (input: EventTypeInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [schedule, setSchedule] = useState(() => scheduleText(editing?.retrySchedule));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = editing?.name ?? String(data.get("name") ?? "").trim();
    const schema = parseObject(String(data.get("schema") ?? ""));
    const example = parseObject(String(data.get("example") ?? ""));
    const retrySchedule = parseScheduleText(String(data.get("retrySchedule") ?? ""));
    const local: Partial<Record<Field, string>> = {};
    if (!/^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/i.test(name))
      local.name = "Dotted words of letters, digits, _ and -, like invoice.paid.";
    if ("error" in schema) local.schema = schema.error;
    if ("error" in example) local.example = example.error;
    if ("error" in retrySchedule) local.retrySchedule = retrySchedule.error;
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length || "error" in schema || "error" in example || "error" in retrySchedule) return;
    try {
      await onSubmit({
        name,
        description: String(data.get("description") ?? ""),
        schema: schema.value,
        example: example.value,
        retrySchedule: retrySchedule.value,
      });
    } catch (error) {
      const byField = errorsByField(error);
      setErrors(byField);
      if (!Object.keys(byField).length)
        setFormError(error instanceof ApiError ? error.message : "Could not save the event type.");
    }
  }

  return (
    <Card
      title={editing ? `Edit ${editing.name}` : "New event type"}
      description="Payloads published with this type must match its schema; the example is what “Send test event” sends and what the API docs show."
    >
      <form key={editing?.id ?? "new"} onSubmit={submit} noValidate className="space-y-4">
        {formError && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
            {formError}
          </p>
        )}
        <div className="grid gap-4 md:grid-cols-2">
          <TextField
            label="Name"
            name="name"
            defaultValue={editing?.name}
            disabled={Boolean(editing)}
            placeholder="invoice.paid"
            error={errors.name}
            hint={editing ? "Names never change: messages refer to them." : "Dotted words, like invoice.paid."}
          />
          <TextField
            label="Description"
            name="description"
            defaultValue={editing?.description}
            placeholder="An invoice was paid in full."
            error={errors.description}
          />
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <TextAreaField
            label="JSON Schema"
            name="schema"
            rows={14}
            spellCheck={false}
            defaultValue={pretty(editing?.schema)}
            placeholder={
              '{\n  "type": "object",\n  "required": ["id"],\n  "properties": { "id": { "type": "string" } }\n}'
            }
            error={errors.schema}
            hint="Draft 2020-12. Empty: any JSON object is accepted."
          />
          <TextAreaField
            label="Example payload"
            name="example"
            rows={14}
            spellCheck={false}
            defaultValue={pretty(editing?.example)}
            placeholder={'{\n  "id": "in_1"\n}'}
            error={errors.example}
            hint="Must match the schema."
          />
        </div>
        <RetryScheduleField
          value={schedule}
          onChange={setSchedule}
          inherits="messages of this type follow the instance's default schedule, unless their endpoint sets one"
          error={errors.retrySchedule}
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            {editing ? "Save changes" : "Create event type"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

"use client";
// The endpoint form's transformation editor: a JSONata expression whose result is the body sent,
// header expressions, and a live preview on the endpoint's event types' examples and the latest
// messages (run by the API with the worker's own code and bounds), with errors at their position.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { newTransformationHeader, transformationOf, type PolicyFormValues } from "./policy-form-values";
import { useTransformationPreview, type TransformationPreview } from "./use-transformation-preview";

type ErrorInfo = { path: string; message: string; position: number | null };

/** Line and column of a character offset, and the line itself with a caret under the spot. */
export function locate(source: string, position: number): { line: number; column: number; excerpt: string } {
  const before = source.slice(0, Math.max(0, position));
  const line = before.split("\n").length;
  const start = before.lastIndexOf("\n") + 1;
  const end = source.indexOf("\n", start);
  const text = source.slice(start, end === -1 ? undefined : end);
  const column = position - start + 1;
  return { line, column, excerpt: `${text}\n${" ".repeat(Math.max(0, column - 1))}^` };
}

function sourceOf(values: PolicyFormValues, path: string): string | undefined {
  if (path === "expression") return values.expression;
  const name = path.replace(/^headers\./, "");
  return values.headers.find((row) => row.name.trim() === name)?.expression;
}

function ErrorDetail({ error, values }: { error: ErrorInfo; values: PolicyFormValues }) {
  const source = sourceOf(values, error.path);
  const where = error.position !== null && source !== undefined ? locate(source, error.position) : null;
  return (
    <div role="alert" className="space-y-1 rounded-md bg-red-50 p-3 text-sm text-red-700 ring-1 ring-red-200">
      <p>
        <span className="font-mono">{error.path}</span>
        {where ? ` (line ${where.line}, column ${where.column})` : ""}: {error.message}
      </p>
      {where && (
        <pre className="overflow-x-auto whitespace-pre rounded bg-surface p-2 font-mono text-xs text-slate-800">
          {where.excerpt}
        </pre>
      )}
    </div>
  );
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function sampleLabel(result: TransformationPreview["results"][number]): string {
  return result.source === "example" ? `Example of ${result.eventType}` : `${result.eventType} · ${result.messageId}`;
}

function PreviewPanel({ preview, values }: { preview: TransformationPreview; values: PolicyFormValues }) {
  const [selected, setSelected] = useState(0);
  if (preview.compileError) return <ErrorDetail error={preview.compileError} values={values} />;
  if (!preview.results.length)
    return (
      <p className="text-sm text-slate-500">
        No samples yet: give the chosen event types an example, or publish a message.
      </p>
    );
  const index = Math.min(selected, preview.results.length - 1);
  const result = preview.results[index]!;
  return (
    <div className="space-y-3">
      <label className="block text-sm font-medium text-slate-700">
        Sample
        <select
          className="mt-1 block w-full rounded-md border border-slate-300 bg-surface px-3 py-2 text-sm"
          value={index}
          onChange={(event) => setSelected(Number(event.target.value))}
        >
          {preview.results.map((sample, position) => (
            <option key={`${sample.source}-${sample.messageId ?? sample.eventType}`} value={position}>
              {sampleLabel(sample)} — {sample.outcome}
            </option>
          ))}
        </select>
      </label>
      <div className="grid gap-3 lg:grid-cols-2">
        <section className="min-w-0 space-y-1">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Input</h4>
          <pre className="max-h-72 overflow-auto rounded-md bg-slate-100 p-3 text-xs text-slate-800">
            {JSON.stringify(result.input, null, 2)}
          </pre>
        </section>
        <section className="min-w-0 space-y-1" data-testid="transformation-output">
          <h4 className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Sent{" "}
            <Badge tone={result.outcome === "body" ? "success" : result.outcome === "skipped" ? "neutral" : "danger"}>
              {result.outcome}
            </Badge>
          </h4>
          {result.outcome === "body" && (
            <>
              {Object.entries(result.headers).map(([name, value]) => (
                <p key={name} className="break-all font-mono text-xs text-slate-700">
                  <span className="font-semibold">{name}:</span> {value}
                </p>
              ))}
              <pre className="max-h-72 overflow-auto rounded-md bg-code-bg p-3 text-xs text-code-fg">
                {pretty(result.body ?? "")}
              </pre>
            </>
          )}
          {result.outcome === "skipped" && (
            <p className="text-sm text-slate-600">No result: this message would be skipped for this endpoint.</p>
          )}
          {result.outcome === "error" && result.error && <ErrorDetail error={result.error} values={values} />}
        </section>
      </div>
    </div>
  );
}

export function TransformationFields({
  tenantId,
  values,
  eventTypes,
  errors,
  onChange,
}: {
  tenantId: string;
  values: PolicyFormValues;
  /** The endpoint's event types (their examples are samples); empty: every type. */
  eventTypes: string[];
  errors: Record<string, string>;
  onChange: (values: PolicyFormValues) => void;
}) {
  const preview = useTransformationPreview(tenantId, transformationOf(values), eventTypes);
  const setHeader = (id: string, patch: Partial<{ name: string; expression: string }>) =>
    onChange({ ...values, headers: values.headers.map((row) => (row.id === id ? { ...row, ...patch } : row)) });
  return (
    <div className="space-y-4">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input
          type="checkbox"
          name="transform"
          checked={values.transform}
          onChange={(event) => onChange({ ...values, transform: event.target.checked })}
          className="h-4 w-4 rounded border-slate-300"
        />
        Transform the body before sending
      </label>
      {values.transform && (
        <>
          <TextAreaField
            label="JSONata expression"
            name="transformationExpression"
            rows={8}
            spellCheck={false}
            className="font-mono"
            value={values.expression}
            onChange={(event) => onChange({ ...values, expression: event.target.value })}
            error={errors["transformation.expression"]}
            hint={
              <>
                Reads <code>type</code>, <code>timestamp</code>, <code>data</code> (and <code>channels</code>,{" "}
                <code>tags</code>); its result is the JSON body sent and signed. No result skips the message. At most 50
                ms per message; a failure fails the try without retry.
              </>
            }
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Header expressions (optional)</legend>
            {values.headers.map((row) => (
              <div key={row.id} className="grid gap-2 sm:grid-cols-[12rem_1fr_auto] sm:items-start">
                <TextField
                  label="Header"
                  value={row.name}
                  placeholder="X-Invoice"
                  onChange={(event) => setHeader(row.id, { name: event.target.value })}
                  error={errors[`transformation.headers.${row.id}.name`]}
                />
                <TextField
                  label="Expression"
                  className="font-mono"
                  value={row.expression}
                  placeholder="data.id"
                  onChange={(event) => setHeader(row.id, { expression: event.target.value })}
                  error={errors[`transformation.headers.${row.id}.expression`]}
                />
                <Button
                  variant="secondary"
                  className="sm:mt-6"
                  onClick={() =>
                    onChange({ ...values, headers: values.headers.filter((other) => other.id !== row.id) })
                  }
                >
                  Remove
                </Button>
              </div>
            ))}
            <Button
              variant="secondary"
              onClick={() => onChange({ ...values, headers: [...values.headers, newTransformationHeader()] })}
            >
              Add header expression
            </Button>
          </fieldset>
          <section
            aria-label="Transformation preview"
            className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
          >
            <h3 className="text-sm font-semibold text-slate-700">
              Preview {preview.isFetching && <span className="font-normal text-slate-500">· updating…</span>}
            </h3>
            {preview.error ? (
              <p role="alert" className="text-sm text-danger">
                {preview.error.message}
              </p>
            ) : preview.data ? (
              <PreviewPanel preview={preview.data} values={values} />
            ) : (
              <p className="text-sm text-slate-500">Type an expression to see what would be sent.</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}

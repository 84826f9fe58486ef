// The top-level fields of a JSON Schema as a table (name, type, required, description): what a
// receiver will find in `data`, readable without reading the schema itself.
type JsonSchema = {
  type?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: unknown;
  description?: unknown;
  items?: JsonSchema;
  enum?: unknown[];
  format?: unknown;
};

function typeOf(schema: JsonSchema): string {
  const base = Array.isArray(schema.type)
    ? schema.type.join(" | ")
    : typeof schema.type === "string"
      ? schema.type
      : schema.enum
        ? "enum"
        : "any";
  if (base === "array" && schema.items) return `array of ${typeOf(schema.items)}`;
  if (typeof schema.format === "string") return `${base} (${schema.format})`;
  return base;
}

export function schemaFieldNames(schema: object | null): string[] {
  return Object.keys((schema as JsonSchema | null)?.properties ?? {});
}

export function SchemaFields({ schema, name }: { schema: object | null; name: string }) {
  const root = schema as JsonSchema | null;
  const properties = Object.entries(root?.properties ?? {});
  if (!properties.length) return null;
  const required = new Set(Array.isArray(root?.required) ? (root.required as string[]) : []);
  return (
    <div className="relative overflow-x-auto rounded-md ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={`Fields of ${name}`}>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">
              Field
            </th>
            <th scope="col" className="px-3 py-2">
              Description
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-surface">
          {properties.map(([field, definition]) => (
            <tr key={field}>
              <td className="w-2/5 px-3 py-2 align-top">
                <span className="break-all font-mono text-xs font-medium text-slate-900">{field}</span>
                {required.has(field) && <span className="ml-1.5 text-[11px] font-medium text-red-700">required</span>}
                <span className="block break-words font-mono text-xs text-slate-500">
                  {typeOf(definition)}
                  {Array.isArray(definition.enum) &&
                    `: ${definition.enum.map((value) => JSON.stringify(value)).join(", ")}`}
                </span>
              </td>
              <td className="px-3 py-2 align-top text-slate-600">
                {typeof definition.description === "string" ? definition.description : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

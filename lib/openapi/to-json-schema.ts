// zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) with zod's own converter.
// Request bodies and query strings are described as the client sends them (io "input":
// defaults optional, strings before coercion), answers as the server writes them (io "output":
// objects closed with additionalProperties: false, so undocumented fields fail the route tests).
import { z } from "zod";

type Io = "input" | "output";
type JsonObject = Record<string, unknown>;

const COMPONENT_PREFIX = "#/components/schemas/";

function registryOf(components: Record<string, z.ZodType>) {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  return registry;
}

/** `#/$defs/X` (zod's inline form) → `#/components/schemas/X`; drops `$schema`, `$id` and `$defs`. */
function relocate(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relocate);
  if (!value || typeof value !== "object") return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "$schema" || key === "$id" || key === "$defs") continue;
    out[key] =
      key === "$ref" && typeof inner === "string" ? inner.replace(/^#\/\$defs\//, COMPONENT_PREFIX) : relocate(inner);
  }
  return out;
}

export interface SchemaConverter {
  /** The named schemas, for `components.schemas`. */
  components(): Record<string, JsonObject>;
  /** One schema, with named ones as `$ref`s into the components. */
  convert(schema: z.ZodType): JsonObject;
}

export function schemaConverter(components: Record<string, z.ZodType>, io: Io): SchemaConverter {
  const registry = registryOf(components);
  const options = { target: "draft-2020-12" as const, io, unrepresentable: "any" as const };
  return {
    components() {
      const { schemas } = z.toJSONSchema(registry, { ...options, uri: (id) => `${COMPONENT_PREFIX}${id}` });
      return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, relocate(schema) as JsonObject]));
    },
    convert(schema) {
      // A named schema itself is a plain $ref.
      const id = registry.get(schema)?.id;
      if (id) return { $ref: `${COMPONENT_PREFIX}${id}` };
      return relocate(z.toJSONSchema(schema, { ...options, metadata: registry })) as JsonObject;
    },
  };
}

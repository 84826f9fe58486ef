// Compiled transformations, one per endpoint version (the endpoint's updated_at changes with
// every edit), so the worker parses an expression once, not per delivery. Process-wide state
// lives in lib/process-state.ts.
import { processState } from "@/lib/process-state";
import { ZTransformation } from "@/lib/schemas/policies";
import { compileTransformation, TransformationError, type CompiledTransformation } from "./transformation";

const cache = processState(
  "transformations.compiled",
  () => new Map<string, { version: string; compiled: CompiledTransformation | TransformationError }>(),
);
const MAX_CACHED = 10_000;

/** The endpoint's stored transformation, compiled; throws TransformationError when it cannot be. */
export function compiledTransformation(endpointId: string, version: string, stored: unknown): CompiledTransformation {
  const hit = cache.get(endpointId);
  let compiled = hit && hit.version === version ? hit.compiled : undefined;
  if (!compiled) {
    const parsed = ZTransformation.safeParse(stored);
    try {
      if (!parsed.success) throw new TransformationError("The stored transformation is not valid", "transformation");
      compiled = compileTransformation(parsed.data);
    } catch (error) {
      if (!(error instanceof TransformationError)) throw error;
      compiled = error;
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(endpointId, { version, compiled });
  }
  if (compiled instanceof TransformationError) throw compiled;
  return compiled;
}

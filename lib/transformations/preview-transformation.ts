// The dashboard's live preview: the transformation run on a sample message with the very code and
// bounds the worker uses (compile, then runTransformation within its time and size limits). An
// expression that does not compile or fails is an answer (outcome `error` with its position),
// not an API error, so the editor can show it while the user types.
import "server-only";
import { env } from "@/lib/env";
import type { TPreviewTransformation } from "@/lib/schemas/policies";
import { ZPreviewTransformation, type ZTransformationPreview } from "@/lib/schemas/policies";
import type { z } from "zod";
import { compileTransformation, runTransformation, TransformationError } from "./transformation";

export type TransformationPreview = z.infer<typeof ZTransformationPreview>;

export async function previewTransformation(request: TPreviewTransformation): Promise<TransformationPreview> {
  const { transformation, input } = ZPreviewTransformation.parse(request);
  try {
    const compiled = compileTransformation(transformation);
    const result = await runTransformation(
      compiled,
      { type: input.type, timestamp: input.timestamp ?? new Date().toISOString(), data: input.data ?? null },
      env().HOOKLINE_MAX_PAYLOAD_BYTES,
    );
    if (result.skipped) return { outcome: "skipped", body: null, headers: {}, error: null };
    return { outcome: "body", body: result.body, headers: result.headers, error: null };
  } catch (error) {
    if (!(error instanceof TransformationError)) throw error;
    return {
      outcome: "error",
      body: null,
      headers: {},
      error: { path: error.path, message: error.message, position: error.position },
    };
  }
}

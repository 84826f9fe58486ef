// Reads a request body as JSON with a hard size limit, before anything else looks at it:
// 413 for too big (by Content-Length or by what actually arrives), 415 for a non-JSON content
// type, 400 for malformed JSON. Zod validation of the parsed value happens after this.
import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** For routes whose body is optional (`POST …/disable`): no body at all reads as `{}`. */
export async function readOptionalJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  if (!request.body || request.headers.get("content-length") === "0") return {};
  return readJsonBody(request, maxBytes, { emptyAs: {} });
}

export async function readJsonBody(
  request: Request,
  maxBytes: number,
  options: { emptyAs?: unknown } = {},
): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON (content-type: application/json).");
  }
  if (!request.body && Number(request.headers.get("content-length") ?? "0") <= maxBytes) {
    throw new AppError("invalid_json", "The request body is empty; send a JSON object.");
  }
  const text = await readBodyText(request, maxBytes);
  if (!text.trim() && options.emptyAs !== undefined) return options.emptyAs;
  if (!text.trim()) throw new AppError("invalid_json", "The request body is empty; send a JSON object.");
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new AppError(
      "validation_failed",
      `The request body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels.`,
      [{ path: "", message: `deeper than ${MAX_JSON_DEPTH} levels` }],
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("invalid_json", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * How deep a body may nest arrays and objects. Real payloads stay far below; thousands of levels
 * would overflow the stack of every recursive walk after parsing (validation, PostgreSQL's jsonb).
 */
export const MAX_JSON_DEPTH = 100;

/** The deepest nesting of `[`/`{` in JSON text, outside strings; one pass, no parsing. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (code === 0x5d || code === 0x7d) depth--;
  }
  return deepest;
}

/** The body as text, exactly as sent (signatures are over these bytes); 413 past `maxBytes`. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`, { maxBytes });
}

/** Body limit of the management routes (an event type's JSON Schema and example are the largest). */
export const API_BODY_LIMIT = 1024 * 1024;

/** The path of the first string (key or value) holding U+0000, which PostgreSQL text and jsonb cannot store. */
function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (!value || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...path, key].join(".");
    const found = nulPath(inner, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** Reads a management route's body and parses it with its zod schema (422 with field paths). */
export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: { optional?: boolean } = {},
): Promise<z.output<Schema>> {
  const body = options.optional
    ? await readOptionalJsonBody(request, API_BODY_LIMIT)
    : await readJsonBody(request, API_BODY_LIMIT);
  const nul = nulPath(body);
  if (nul !== null)
    throw new AppError("validation_failed", "Strings must not contain NUL characters (\\u0000).", [
      { path: nul, message: "contains a NUL character" },
    ]);
  return schema.parse(body);
}

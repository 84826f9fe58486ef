// The dashboard's live preview: a transformation run on sample messages with the very code and
// bounds the worker uses (compile, then runTransformation within its time and size limits): the
// request's own input, or the catalog examples of the endpoint's event types and the tenant's
// latest messages. An expression that does not compile or fails is an answer (with the error's
// position), not an API error, so the editor can show it while the user types.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import {
  ZPreviewTransformation,
  type TPreviewTransformation,
  type ZTransformationPreview,
} from "@/lib/schemas/policies";
import {
  compileTransformation,
  runTransformation,
  TransformationError,
  type TransformationInput,
} from "./transformation";

export type TransformationPreview = z.infer<typeof ZTransformationPreview>;
type Result = TransformationPreview["results"][number];
type Sample = Pick<Result, "source" | "eventType" | "messageId"> & { input: TransformationInput };

const RECENT_MESSAGES = 10;

const describe = (error: TransformationError) => ({
  path: error.path,
  message: error.message,
  position: error.position,
});

async function samplesFor(tenantId: string, eventTypes: readonly string[]): Promise<Sample[]> {
  const [types, messages] = await Promise.all([
    eventTypes.length
      ? db().eventType.findMany({
          where: { name: { in: [...eventTypes] } },
          select: { name: true, example: true },
          orderBy: { name: "asc" },
        })
      : [],
    db().message.findMany({
      where: { tenantId },
      orderBy: { id: "desc" },
      take: RECENT_MESSAGES,
      select: { id: true, eventType: true, createdAt: true, payload: true, channels: true, tags: true },
    }),
  ]);
  const now = new Date().toISOString();
  return [
    ...types
      .filter((type) => type.example !== null)
      .map((type) => ({
        source: "example" as const,
        eventType: type.name,
        messageId: null,
        input: { type: type.name, timestamp: now, data: type.example },
      })),
    ...messages.map((message) => ({
      source: "message" as const,
      eventType: message.eventType,
      messageId: message.id,
      input: {
        type: message.eventType,
        timestamp: message.createdAt.toISOString(),
        data: message.payload,
        ...(message.channels.length ? { channels: message.channels } : {}),
        ...(message.tags.length ? { tags: message.tags } : {}),
      },
    })),
  ];
}

export async function previewTransformation(
  tenantId: string,
  request: TPreviewTransformation,
): Promise<TransformationPreview> {
  const { transformation, input, eventTypes } = ZPreviewTransformation.parse(request);
  let compiled;
  try {
    compiled = compileTransformation(transformation);
  } catch (error) {
    if (!(error instanceof TransformationError)) throw error;
    return { compileError: describe(error), results: [] };
  }
  const samples: Sample[] = input
    ? [
        {
          source: "input",
          eventType: input.type,
          messageId: null,
          input: { ...input, timestamp: input.timestamp ?? new Date().toISOString(), data: input.data ?? null },
        },
      ]
    : await samplesFor(tenantId, eventTypes);
  const maxBytes = env().HOOKLINE_MAX_PAYLOAD_BYTES;
  const results: Result[] = [];
  let timedOut = false;
  for (const sample of samples) {
    const base = { ...sample, input: { ...sample.input } as Record<string, unknown> };
    if (timedOut) {
      // One sample ran out of time: the others would too, one budget each; not run.
      results.push({ ...base, outcome: "error", body: null, headers: {}, error: results.at(-1)!.error });
      continue;
    }
    try {
      const result = await runTransformation(compiled, sample.input, maxBytes);
      results.push(
        result.skipped
          ? { ...base, outcome: "skipped", body: null, headers: {}, error: null }
          : { ...base, outcome: "body", body: result.body, headers: result.headers, error: null },
      );
    } catch (error) {
      if (!(error instanceof TransformationError)) throw error;
      timedOut = /ran longer than/.test(error.message);
      results.push({ ...base, outcome: "error", body: null, headers: {}, error: describe(error) });
    }
  }
  return { compileError: null, results };
}

"use client";
// The transformation editor's live preview: the API runs the expression (with the bounds the
// worker uses) on the endpoint's event types' examples and the tenant's latest messages, a
// moment after the user stops typing.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import type { TTransformation } from "@/lib/schemas/policies";

export type TransformationPreview = Schemas["TransformationPreview"];

const DEBOUNCE_MS = 400;

function useDebounced<T>(value: T): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

export function useTransformationPreview(
  tenantId: string,
  transformation: TTransformation | null,
  eventTypes: string[],
) {
  const body = useDebounced(JSON.stringify({ transformation, eventTypes }));
  const parsed = JSON.parse(body) as { transformation: TTransformation | null; eventTypes: string[] };
  return useQuery({
    queryKey: ["tenants", tenantId, "transformation-preview", body],
    queryFn: () =>
      unwrap(
        api.POST("/tenants/{tenant}/transformations/preview", {
          params: { path: { tenant: tenantId } },
          body: { transformation: parsed.transformation!, eventTypes: parsed.eventTypes },
        }),
      ),
    enabled: Boolean(parsed.transformation?.expression.trim()),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}

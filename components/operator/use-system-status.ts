"use client";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { TSystemStatus } from "@/lib/schemas/system";
import { systemStatusKey } from "./queries";

/** The installation's status, refreshed every 5 s while the page is open. */
export function useSystemStatus(initial: TSystemStatus) {
  return useQuery({
    queryKey: systemStatusKey,
    queryFn: () => apiFetch<TSystemStatus>("/api/v1/system"),
    initialData: initial,
    refetchInterval: 5_000,
  });
}

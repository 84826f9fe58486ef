"use client";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { systemStatusKey } from "./queries";

/** The installation's status, refreshed every 5 s while the page is open. */
export function useSystemStatus(initial: Schemas["SystemStatus"]) {
  return useQuery({
    queryKey: systemStatusKey,
    queryFn: () => unwrap(api.GET("/system")),
    initialData: initial,
    // The moment the server read it: the same on the server and in the hydrating browser, so the
    // "Last update" time renders identically on both (Date.now() at hydration would not).
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    refetchInterval: 5_000,
  });
}

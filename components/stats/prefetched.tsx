// The charts' data, fetched on the server with the page: the page streams its header first
// (the caller's Suspense boundary), then this part, which arrives with the react-query cache
// already filled, so the charts draw as soon as the browser runs the page's scripts instead of
// asking the API once they have. A query that fails here is simply left to the browser.
import "server-only";
import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";

export interface Prefetch {
  /** The key the client hook uses for the same request. */
  queryKey: QueryKey;
  /** The lib/ function the API route calls for it. */
  load: () => Promise<unknown>;
}

export async function Prefetched({ queries, children }: { queries: Prefetch[]; children: ReactNode }) {
  const client = new QueryClient();
  await Promise.all(
    queries.map(({ queryKey, load }) =>
      client.prefetchQuery({
        queryKey,
        // As the API answers it (JSON: dates as strings), the shape the hooks expect.
        queryFn: async () => JSON.parse(JSON.stringify(await load())) as unknown,
      }),
    ),
  );
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}

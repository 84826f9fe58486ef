"use client";
import { Button } from "./button";
import { cn } from "./cn";

/** What LoadMore needs of a react-query infinite query. */
interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "Load more" under a keyset-paginated list, shown while there is a next page. */
export function LoadMore({ query, className }: { query: Pages; className?: string }) {
  if (!query.hasNextPage) return null;
  return (
    <div className={cn("flex justify-center", className)}>
      <Button variant="secondary" busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        Load more
      </Button>
    </div>
  );
}

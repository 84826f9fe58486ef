// How an endpoint is named on screen: its name when it has one, else its URL without the scheme.
// On a phone a long URL shows its host and last path segment (where receivers differ), not a
// prefix cut off in the middle of the path.
import { cn } from "@/components/ui/cn";

/** `host`, `path` (with query) and the URL as a phone shows it: host/…/last-segment. */
export function urlParts(url: string): { host: string; path: string; short: string } {
  try {
    const parsed = new URL(url);
    const path = `${parsed.pathname === "/" ? "" : parsed.pathname}${parsed.search}`;
    const segments = parsed.pathname.split("/").filter(Boolean);
    const short =
      segments.length > 1 ? `${parsed.host}/…/${segments.at(-1)}${parsed.search ? "?…" : ""}` : `${parsed.host}${path}`;
    return { host: parsed.host, path, short };
  } catch {
    return { host: url, path: "", short: url };
  }
}

/** The URL as host and path on a wide screen, host/…/last-segment on a phone. */
export function EndpointUrl({ url, className }: { url: string; className?: string }) {
  const { host, path, short } = urlParts(url);
  return (
    <span className={cn("block truncate font-mono", className)} title={url}>
      <span className="hidden sm:inline">
        {host}
        <span className="text-slate-500">{path}</span>
      </span>
      <span className="sm:hidden">{short}</span>
    </span>
  );
}

/** Where an endpoint's messages go: its URL, or "Polling" for one whose receiver fetches them (no URL). */
export function endpointAddress(endpoint: { type?: string; url: string }): string {
  return endpoint.type === "polling" ? "Polling" : endpoint.url;
}

/** What a person reads for an endpoint: its name, else its URL (or "Polling"). */
export function endpointTitle(endpoint: { name: string | null; type?: string; url: string }): string {
  return endpoint.name ?? endpointAddress(endpoint);
}

/** A breadcrumb's label: the name, else the URL's host (or "Polling"). */
export function endpointCrumb(endpoint: { name: string | null; type?: string; url: string }): string {
  return endpoint.name ?? (endpoint.type === "polling" ? "Polling" : urlParts(endpoint.url).host);
}

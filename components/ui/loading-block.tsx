// A placeholder for a part of the page that streams in after the header. It mounts no query on
// purpose: react-query hydrates server data for a query the browser's cache already holds only
// after render (in an effect), so a fallback that mounted the same queries as the part it stands
// for made the browser's first render of that part differ from the server's HTML whenever the
// fallback hydrated first (React error #418 on a slow device).
export function LoadingBlock({ label }: { label: string }) {
  return (
    <div
      role="status"
      aria-busy="true"
      className="rounded-lg border border-slate-200 bg-surface p-6 text-sm text-slate-500"
    >
      {label}
    </div>
  );
}

// HTTP headers as a name/value list that wraps long values (signatures) instead of overflowing.
export function HeadersList({ headers, label }: { headers: Record<string, string> | null; label: string }) {
  const entries = Object.entries(headers ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return <p className="text-xs text-slate-500">No headers.</p>;
  return (
    <dl
      aria-label={label}
      className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-md bg-slate-50 p-3 font-mono text-xs ring-1 ring-slate-200 sm:grid-cols-[minmax(0,max-content)_minmax(0,1fr)]"
    >
      {entries.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="break-all text-slate-500">{name}</dt>
          <dd className="mb-1 break-all text-slate-800 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

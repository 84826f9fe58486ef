"use client";
// JSON shown pretty-printed and coloured (keys, strings, numbers, literals), with a copy button
// that copies the pretty text. Tokenising the output of JSON.stringify is enough here: the input
// is always valid JSON, so no parser is needed.
import { Fragment, useMemo, type ReactNode } from "react";
import { cn } from "./cn";
import { CopyButton } from "./copy-button";

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

function highlight(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index;
    if (index > last) out.push(text.slice(last, index));
    const [whole, string, colon, literal, number] = match;
    const className =
      string !== undefined
        ? colon
          ? "text-sky-300"
          : "text-emerald-300"
        : literal !== undefined
          ? "text-fuchsia-300"
          : number !== undefined
            ? "text-amber-300"
            : undefined;
    out.push(
      <span key={index} className={className}>
        {colon ? string : whole}
      </span>,
    );
    if (colon) out.push(colon);
    last = index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function JsonBlock({
  value,
  label,
  maxHeight = "28rem",
  className,
}: {
  value: unknown;
  label: string;
  maxHeight?: string;
  className?: string;
}) {
  const text = useMemo(() => JSON.stringify(value, null, 2) ?? "null", [value]);
  const tokens = useMemo(() => highlight(text), [text]);
  return (
    <div className={cn("relative", className)}>
      <pre
        aria-label={label}
        tabIndex={0}
        className="overflow-auto rounded-md bg-code-bg p-4 pr-20 text-xs leading-relaxed text-code-fg"
        style={{ maxHeight }}
      >
        <code>
          {tokens.map((token, index) => (
            <Fragment key={index}>{token}</Fragment>
          ))}
        </code>
      </pre>
      <CopyButton value={text} className="absolute right-2 top-2" aria-label={`Copy ${label.toLowerCase()}`} />
    </div>
  );
}

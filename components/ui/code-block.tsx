"use client";
import { useState } from "react";
import { Button } from "./button";

/** Monospace text (pretty JSON, headers) with a copy button. */
export function CodeBlock({ value, label, maxHeight = "24rem" }: { value: string; label: string; maxHeight?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="relative">
      {/* Wraps long tokens (keys, secrets, URLs) instead of widening the page on a phone. */}
      <pre
        aria-label={label}
        className="overflow-auto whitespace-pre-wrap rounded-md bg-code-bg p-4 pr-20 text-xs leading-relaxed text-code-fg [overflow-wrap:anywhere]"
        style={{ maxHeight }}
      >
        <code>{value}</code>
      </pre>
      <Button
        variant="secondary"
        size="sm"
        className="absolute right-2 top-2"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1_500);
          });
        }}
      >
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}

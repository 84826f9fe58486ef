"use client";
// A channel or tag filter of the log: typed freely, applied on Enter or when the field loses
// focus (a query per keystroke would list messages of half-typed names), checked first with the
// API's own rule so a bad name is an error beside the field, not a failed list.
import { useState } from "react";
import { TextField } from "@/components/ui/field";

export function LabelFilterField({
  label,
  value,
  placeholder,
  check,
  onApply,
}: {
  label: string;
  value: string;
  placeholder: string;
  /** The problem with a name, or null when it may be sent. */
  check: (name: string) => string | null;
  onApply: (name: string) => void;
}) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string>();
  // The URL changed (back button, "clear filters"): show what it holds now.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  function apply() {
    const name = text.trim();
    const problem = name ? check(name) : null;
    setError(problem ?? undefined);
    if (!problem && name !== value) onApply(name);
  }
  return (
    <TextField
      label={label}
      type="search"
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      value={text}
      error={error}
      onChange={(event) => setText(event.target.value)}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          apply();
        }
      }}
    />
  );
}

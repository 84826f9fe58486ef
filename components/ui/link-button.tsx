// A link that looks like a Button ("Add endpoint", "Edit"): navigation stays a real <a>, so it
// opens in a new tab and reads as a link. The colours match ./button.tsx.
import Link from "next/link";
import type { ComponentProps } from "react";
import { focusRing } from "./button";
import { cn } from "./cn";

const VARIANTS = {
  primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-700 shadow-sm hover:bg-slate-50",
} as const;

export function LinkButton({
  variant = "primary",
  size = "md",
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: keyof typeof VARIANTS; size?: "sm" | "md" }) {
  return (
    <Link
      {...props}
      className={cn(
        "inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors",
        size === "sm" ? "px-2.5 py-1.5 text-sm" : "px-4 py-2 text-sm",
        VARIANTS[variant],
        focusRing,
        className,
      )}
    />
  );
}

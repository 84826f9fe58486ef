// A link that looks like a Button ("Add endpoint", "Edit"): navigation stays a real <a>, so it
// opens in a new tab and reads as a link.
import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonClass } from "./button";

export function LinkButton({
  variant = "primary",
  size = "md",
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: "primary" | "secondary"; size?: "sm" | "md" }) {
  return <Link {...props} className={buttonClass(variant, size, className)} />;
}

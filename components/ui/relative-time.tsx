"use client";
// "5 min ago" with the exact time on hover: the relative mode of <Time> (./time.tsx).
import { Time } from "./time";

export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  return <Time value={iso} mode="relative" className={className} />;
}

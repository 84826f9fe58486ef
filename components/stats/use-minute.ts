"use client";
// The current minute, re-rendering once a minute: what a chart's "last hour" is relative to.
// Stats queries are built from it, so their keys (and the range they ask for) move on once a
// minute rather than on every render.
import { useEffect, useState } from "react";

export function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000) * 60_000), 5_000);
    return () => clearInterval(timer);
  }, []);
  return minute;
}

"use client";
// In an embedded portal (an iframe on the platform's page), tells the parent where the user is
// and how tall the content is, so the platform can size its iframe and keep its own URL in step:
//   { type: "hookline:navigate", path, title }   after every navigation
//   { type: "hookline:resize", height }          whenever the content's height changes
// Messages go only to the origins allowed to frame this portal (postMessage drops the others).
import { usePathname } from "next/navigation";
import { useEffect } from "react";

function post(origins: readonly string[], message: Record<string, unknown>) {
  if (window.parent === window) return;
  for (const origin of origins) window.parent.postMessage(message, origin);
}

export function EmbedBridge({ origins }: { origins: readonly string[] }) {
  const pathname = usePathname();

  useEffect(() => {
    post(origins, { type: "hookline:navigate", path: pathname, title: document.title });
  }, [origins, pathname]);

  useEffect(() => {
    let last = 0;
    const frame = document.querySelector<HTMLElement>("[data-portal]") ?? document.body;
    const report = () => {
      const height = Math.ceil(frame.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      post(origins, { type: "hookline:resize", height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(frame);
    report();
    return () => observer.disconnect();
  }, [origins]);

  return null;
}

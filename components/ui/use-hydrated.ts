"use client";
// False on the server and while the page hydrates, true once React runs in the browser. Submit
// buttons of forms that only work with JavaScript wait for it: a submit that lands before
// hydration would be a plain GET of the page, and its result would be lost.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

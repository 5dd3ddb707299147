"use client";

import { useSyncExternalStore } from "react";

// The app follows the system's light/dark setting (Tailwind's `dark:` is prefers-color-scheme),
// so the editor and the viewer do too, and switch live when the system does.
const query = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(query);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
}

/** True while the system asks for a dark theme. */
export function useDarkMode(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

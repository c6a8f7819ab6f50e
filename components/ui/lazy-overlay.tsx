"use client";

import { useState } from "react";

/**
 * Overlays (dialogs, sheets) are closed when a page loads, and React Aria's
 * overlay code is a large share of a page's first-load budget: the wrappers
 * in dialog.tsx, confirm-dialog.tsx and drawer.tsx load their implementation
 * (next/dynamic) the first time they open, and keep it mounted afterwards so
 * closing still animates focus back to where it was.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  // Adjusting state while rendering is React's pattern for state derived from a prop.
  if (open && !opened) setOpened(true);
  return opened;
}

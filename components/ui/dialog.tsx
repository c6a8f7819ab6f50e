"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { useOpenedOnce } from "@/components/ui/lazy-overlay";

/**
 * A modal dialog (React Aria: focus trap and restore, Escape, scroll lock,
 * labelled by its heading). Controlled: `open` in, `onOpenChange` out. Its
 * code loads the first time it opens.
 */
const DialogImpl = dynamic(() => import("@/components/ui/dialog-impl").then((m) => m.DialogImpl), { ssr: false });

export function Dialog(props: ComponentProps<typeof DialogImpl>) {
  return useOpenedOnce(props.open) ? <DialogImpl {...props} /> : null;
}

"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { useOpenedOnce } from "@/components/ui/lazy-overlay";

/** A confirmation before something consequential; Escape or Cancel backs out. Loads when first opened. */
const ConfirmDialogImpl = dynamic(() => import("@/components/ui/confirm-dialog-impl").then((m) => m.ConfirmDialogImpl), { ssr: false });

export function ConfirmDialog(props: ComponentProps<typeof ConfirmDialogImpl>) {
  return useOpenedOnce(props.open) ? <ConfirmDialogImpl {...props} /> : null;
}

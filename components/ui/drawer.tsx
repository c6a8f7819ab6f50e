"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { useOpenedOnce } from "@/components/ui/lazy-overlay";

/**
 * A sheet that slides over the page from one side (details of a record, the
 * narrow-screen navigation); a modal dialog underneath. Loads when first opened.
 */
const DrawerImpl = dynamic(() => import("@/components/ui/drawer-impl").then((m) => m.DrawerImpl), { ssr: false });

export function Drawer(props: ComponentProps<typeof DrawerImpl>) {
  return useOpenedOnce(props.open) ? <DrawerImpl {...props} /> : null;
}

/** The same as a name people know from other kits. */
export const Sheet = Drawer;

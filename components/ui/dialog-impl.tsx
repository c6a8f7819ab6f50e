"use client";

import type { ReactNode } from "react";
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from "react-aria-components";

/**
 * A modal dialog (React Aria: focus trap and restore, Escape, scroll lock,
 * labelled by its heading). Controlled: `open` in, `onOpenChange` out.
 */
const overlayClass =
  "fixed inset-0 z-50 flex min-h-full items-center justify-center overflow-y-auto bg-slate-900/50 p-4 data-[entering]:animate-in data-[entering]:fade-in";

export function DialogImpl({
  open,
  onOpenChange,
  title,
  children,
  dismissable = true,
  size = "md",
  role,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  /** Closes on a click outside (Escape always closes). */
  dismissable?: boolean;
  size?: "md" | "lg";
  role?: "dialog" | "alertdialog";
}) {
  return (
    <ModalOverlay isOpen={open} onOpenChange={onOpenChange} isDismissable={dismissable} className={overlayClass}>
      <Modal
        className={`w-full ${size === "lg" ? "max-w-2xl" : "max-w-md"} rounded-lg border border-slate-200 bg-white text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
      >
        <AriaDialog role={role} className="max-h-[85vh] overflow-y-auto p-6 outline-none">
          <Heading slot="title" className="text-lg font-semibold">
            {title}
          </Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

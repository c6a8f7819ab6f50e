"use client";

import type { ReactNode } from "react";
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { Button } from "@/components/ui/button";

/**
 * A sheet that slides over the page from one side (details of a record, the
 * narrow-screen navigation). A modal dialog underneath: focus is trapped and
 * returns to the opener; Escape and a click outside close it.
 */
export function DrawerImpl({
  open,
  onOpenChange,
  title,
  side = "right",
  size = "md",
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  side?: "left" | "right";
  /** lg: room for a record's output or a long document. */
  size?: "md" | "lg";
  children: ReactNode;
}) {
  return (
    <ModalOverlay isOpen={open} onOpenChange={onOpenChange} isDismissable className="fixed inset-0 z-50 bg-slate-900/50">
      <Modal
        className={`fixed inset-y-0 ${side === "right" ? "right-0 border-l" : "left-0 border-r"} flex w-full ${size === "lg" ? "max-w-2xl" : "max-w-md"} flex-col border-slate-200 bg-white text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
      >
        <AriaDialog className="flex min-h-0 flex-1 flex-col outline-none">
          {({ close }) => (
            <>
              <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-5 py-3 dark:border-slate-700">
                <Heading slot="title" className="min-w-0 break-words text-lg font-semibold">
                  {title}
                </Heading>
                <Button variant="ghost" onClick={close} aria-label="Close">
                  <span aria-hidden>✕</span>
                </Button>
              </div>
              <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

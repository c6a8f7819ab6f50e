"use client";

import type { ReactNode } from "react";
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";

/**
 * A modal with a trigger button (React Aria: focus trap, Escape, focus
 * returned to the trigger). The body receives `close`.
 */
export function FormDialog({ label, title, children }: { label: string; title: string; children: (close: () => void) => ReactNode }) {
  return (
    <DialogTrigger>
      <AriaButton className="inline-flex items-center gap-2 rounded-md bg-blue-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
        {label}
      </AriaButton>
      <ModalOverlay isDismissable className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4">
        <Modal className="w-full max-w-lg rounded-lg bg-white shadow-xl dark:bg-slate-900 dark:text-slate-100">
          <Dialog className="p-6 outline-none">
            {({ close }) => (
              <>
                <Heading slot="title" className="mb-4 text-lg font-semibold">{title}</Heading>
                {children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

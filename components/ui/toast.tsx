"use client";

import {
  Button as AriaButton,
  Text,
  UNSTABLE_Toast as AriaToast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastRegion as ToastRegion,
} from "react-aria-components";
import { toastQueue as queue, type ToastContentValue } from "@/components/ui/toast-queue";

export { toast } from "@/components/ui/toast-queue";

/**
 * Short-lived confirmations ("Saved", "Copied") announced to screen readers
 * (React Aria's toast region is a landmark reachable with F6). Anything the
 * user must act on belongs in the page, not in a toast.
 */

const toneClass: Record<ToastContentValue["tone"], string> = {
  success: "border-green-300 dark:border-green-700",
  info: "border-blue-300 dark:border-blue-700",
  error: "border-red-400 dark:border-red-700",
};

export function Toaster() {
  return (
    <ToastRegion queue={queue} className="fixed bottom-4 right-4 z-[60] flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2 outline-none">
      {({ toast: t }) => (
        <AriaToast
          toast={t}
          className={`flex items-start gap-3 rounded-md border bg-white px-4 py-3 text-sm text-slate-900 shadow-lg outline-none dark:bg-slate-900 dark:text-slate-100 ${toneClass[t.content.tone]}`}
        >
          <ToastContent className="min-w-0 flex-1">
            <Text slot="title" className="block font-semibold">{t.content.title}</Text>
            {t.content.description ? <Text slot="description" className="block break-words text-slate-700 dark:text-slate-300">{t.content.description}</Text> : null}
          </ToastContent>
          <AriaButton slot="close" aria-label="Dismiss" className="rounded px-1 text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
            <span aria-hidden>✕</span>
          </AriaButton>
        </AriaToast>
      )}
    </ToastRegion>
  );
}

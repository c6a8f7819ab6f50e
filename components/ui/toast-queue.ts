import { UNSTABLE_ToastQueue as ToastQueue } from "react-aria-components";

/**
 * The queue behind toasts, apart from the region that shows them, so calling
 * `toast.success(...)` does not load the region (it loads after the page).
 */
export type ToastContentValue = { title: string; description?: string; tone: "success" | "error" | "info" };

export const toastQueue = new ToastQueue<ToastContentValue>({ maxVisibleToasts: 4 });

export const toast = {
  success: (title: string, description?: string) => toastQueue.add({ title, description, tone: "success" }, { timeout: 5000 }),
  info: (title: string, description?: string) => toastQueue.add({ title, description, tone: "info" }, { timeout: 5000 }),
  error: (title: string, description?: string) => toastQueue.add({ title, description, tone: "error" }),
};

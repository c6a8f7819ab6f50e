import type { ReactNode } from "react";

/**
 * The three states every page has besides its content: loading (a skeleton
 * shaped like what is coming, with a page heading so the page is never
 * nameless), empty and failed (each with a heading and a way forward).
 */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded bg-slate-200 dark:bg-slate-800 ${className}`} />;
}

export function LoadingState({ title, label, rows = 4 }: { title?: string; label: string; rows?: number }) {
  return (
    <div>
      {title ? <h1 className="mb-6 break-words text-2xl font-semibold tracking-tight">{title}</h1> : null}
      <p role="status" className="sr-only">{label}</p>
      <div className="flex flex-col gap-3" data-testid="skeleton">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className={i === 0 ? "h-6 w-1/3" : "h-12 w-full"} />
        ))}
      </div>
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-600">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children ? <div className="mt-1 text-sm text-slate-600 dark:text-slate-300">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}

/** A failure in place of the page's content; `level` 1 when nothing else titles the page. */
export function ErrorState({ title, children, action, level = 2 }: { title: string; children?: ReactNode; action?: ReactNode; level?: 1 | 2 }) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">
      <Heading className={level === 1 ? "text-2xl font-semibold" : "text-lg font-semibold"}>{title}</Heading>
      {children ? <div className="mt-1 break-words text-sm">{children}</div> : null}
      {action ? <div className="mt-4 flex flex-wrap gap-2">{action}</div> : null}
    </div>
  );
}

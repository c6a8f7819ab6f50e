"use client";

import { useDeferredValue } from "react";
import { useScheduleCheck } from "@/components/jobs/queries";

/** The next five times a schedule fires, or why it is not valid; checked by the server as you type. */
export function SchedulePreview({ env, expression }: { env: string; expression: string }) {
  const deferred = useDeferredValue(expression.trim());
  const check = useScheduleCheck(env, deferred);
  if (!deferred || !check.data) return null;
  return (
    <div aria-live="polite" className="rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800">
      {check.data.ok ? (
        <>
          <p className="font-medium">Next five runs (your local time)</p>
          <ul className="mt-1 list-disc pl-5">
            {check.data.next.map((t) => <li key={t}><time dateTime={t}>{new Date(t).toLocaleString()}</time></li>)}
          </ul>
        </>
      ) : (
        <p className="text-red-700 dark:text-red-300">{check.data.message}</p>
      )}
    </div>
  );
}

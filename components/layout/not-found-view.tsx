import Link from "next/link";
import type { ReactNode } from "react";

/** The body of every not-found page: a heading, what happened, and ways back. */
export function NotFoundView({ title, children, links }: { title: string; children: ReactNode; links: { href: string; label: string }[] }) {
  return (
    <div className="mx-auto max-w-xl py-6">
      <p className="text-sm font-semibold text-slate-600 dark:text-slate-400">Error 404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-2 text-slate-700 dark:text-slate-300">{children}</div>
      <ul className="mt-6 flex flex-wrap gap-3">
        {links.map((l, i) => (
          <li key={l.href}>
            <Link
              href={l.href}
              className={
                i === 0
                  ? "inline-flex rounded-md bg-blue-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-blue-800 dark:bg-blue-600 dark:hover:bg-blue-500"
                  : "inline-flex rounded-md border border-slate-300 px-3.5 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              }
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

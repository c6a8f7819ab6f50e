import Link from "next/link";
import { isActive, type NavItem } from "@/components/layout/nav";

const linkBase = "block whitespace-nowrap rounded-md px-2 py-1.5 text-sm";
const linkActive = "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900";
const linkIdle = "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

/** The sections of the console; those not built yet show as "soon". */
export function NavLinks({ items, pathname, vertical, onNavigate }: { items: readonly NavItem[]; pathname: string; vertical?: boolean; onNavigate?: () => void }) {
  return (
    <ul className={vertical ? "flex flex-col gap-1" : "flex items-center gap-1"}>
      {items.map((item) => (
        <li key={item.href}>
          {item.soon ? (
            <span className={`${linkBase} text-slate-600 dark:text-slate-400`}>
              {item.label}
              <span className="ml-1.5 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">soon</span>
              <span className="sr-only"> (coming in a later release)</span>
            </span>
          ) : (
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={isActive(pathname, item.href) ? "page" : undefined}
              className={`${linkBase} ${isActive(pathname, item.href) ? linkActive : linkIdle}`}
            >
              {item.label}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

"use client";

import { DrawerImpl as Drawer } from "@/components/ui/drawer-impl";
import { NavLinks } from "@/components/layout/nav-links";
import type { NavItem } from "@/components/layout/nav";

/** The navigation as a sheet on narrow screens (loaded on first open). */
export function MobileNav({ open, onOpenChange, items, pathname, email, isOperator }: { open: boolean; onOpenChange: (open: boolean) => void; items: readonly NavItem[]; pathname: string; email: string; isOperator: boolean }) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange} title="Navigation" side="left">
      <nav aria-label="Main">
        <NavLinks items={items} pathname={pathname} vertical onNavigate={() => onOpenChange(false)} />
      </nav>
      <p className="mt-6 break-all border-t border-slate-200 pt-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
        Signed in as {email}
        {isOperator ? " (operator)" : ""}
      </p>
    </Drawer>
  );
}

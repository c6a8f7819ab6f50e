"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { Drawer } from "@/components/ui/drawer";
import { Menu, MenuItem } from "@/components/ui/menu";
import { AppMark } from "@/components/layout/app-mark";
import { NAV, isActive } from "@/components/layout/nav";
import { ThemeMenu } from "@/components/layout/theme-menu";
import { api } from "@/lib/http/client";

// The palette (cmdk and its list) loads on first open, not with every page.
const CommandPalette = dynamic(() => import("@/components/layout/command-palette").then((m) => m.CommandPalette), { ssr: false });

const linkBase = "block whitespace-nowrap rounded-md px-3 py-1.5 text-sm";
const linkActive = "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900";
const linkIdle = "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

function NavLinks({ pathname, vertical, onNavigate }: { pathname: string; vertical?: boolean; onNavigate?: () => void }) {
  return (
    <ul className={vertical ? "flex flex-col gap-1" : "flex items-center gap-1"}>
      {NAV.map((item) => (
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

export function ConsoleShell({
  email,
  isOperator,
  mode,
  children,
}: {
  email: string;
  isOperator: boolean;
  mode: "sandbox" | "aws";
  children: ReactNode;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [paletteLoaded, setPaletteLoaded] = useState(false);

  function openPalette() {
    setPaletteLoaded(true);
    setPaletteOpen(true);
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setPaletteLoaded(true);
        setPaletteOpen((open) => !open);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  async function signOut() {
    try {
      await api("/api/session", { method: "DELETE" });
    } finally {
      router.replace("/sign-in");
      router.refresh();
    }
  }

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
        <div className="mx-auto flex max-w-7xl items-center gap-2 px-3 py-2.5 sm:gap-3 sm:px-6">
          <button
            type="button"
            onClick={() => setMenuOpen(true)}
            aria-label="Open navigation"
            className="rounded-md p-2 text-slate-700 hover:bg-slate-100 lg:hidden dark:text-slate-200 dark:hover:bg-slate-800"
          >
            <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              <path d="M4 6h16M4 12h16M4 18h16" />
            </svg>
          </button>
          <Link href="/environments" className="flex shrink-0 items-center gap-2 rounded-md font-semibold tracking-tight" aria-label="TankTower Console, home">
            <AppMark className="size-7" />
            <span aria-hidden className="hidden sm:inline">TankTower Console</span>
          </Link>
          {mode === "sandbox" ? (
            <span className="shrink-0 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100" title="Running against the local AWS emulator">
              Sandbox
            </span>
          ) : null}
          {/* Padding inside the nav keeps the links' focus rings from being clipped. */}
          <nav aria-label="Main" className="ml-2 hidden p-1 lg:block">
            <NavLinks pathname={pathname} />
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
            <button
              type="button"
              onClick={openPalette}
              aria-keyshortcuts="Control+K Meta+K"
              className="flex items-center gap-2 rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                <circle cx="11" cy="11" r="7" />
                <path d="m20 20-3.5-3.5" />
              </svg>
              <span className="sr-only sm:not-sr-only">Go to…</span>
              <kbd aria-hidden className="hidden rounded border border-slate-300 px-1 font-sans text-xs text-slate-600 md:inline dark:border-slate-600 dark:text-slate-300">
                Ctrl K
              </kbd>
            </button>
            <ThemeMenu />
            <Menu
              label={`Account of ${email}`}
              variant="ghost"
              trigger={
                <span className="flex min-w-0 items-center gap-1.5">
                  <svg aria-hidden viewBox="0 0 24 24" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                    <circle cx="12" cy="8" r="4" />
                    <path d="M4 21a8 8 0 0 1 16 0" />
                  </svg>
                  <span data-testid="signed-in-as" className="hidden max-w-56 truncate md:inline">
                    {email}
                    {isOperator ? <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(operator)</span> : null}
                  </span>
                </span>
              }
              onAction={(key) => {
                if (key === "sign-out") void signOut();
              }}
            >
              <MenuItem id="sign-out" textValue="Sign out">Sign out</MenuItem>
            </Menu>
          </div>
        </div>
      </header>
      <Drawer open={menuOpen} onOpenChange={setMenuOpen} title="Navigation" side="left">
        <nav aria-label="Main">
          <NavLinks pathname={pathname} vertical onNavigate={() => setMenuOpen(false)} />
        </nav>
        <p className="mt-6 break-all border-t border-slate-200 pt-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
          Signed in as {email}
          {isOperator ? " (operator)" : ""}
        </p>
      </Drawer>
      {paletteLoaded ? <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} isOperator={isOperator} /> : null}
      {!isOperator ? (
        <div className="mx-auto max-w-7xl px-4 pt-4 sm:px-6">
          <p role="status" className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100">
            Your account has no operator role, so most pages will refuse you. Ask an operator to add you to the operators group.
          </p>
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="mx-auto min-w-0 max-w-7xl px-4 py-6 outline-none sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}

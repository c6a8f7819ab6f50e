"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { AppMark, PersonIcon } from "@/components/layout/app-mark";
import { NavLinks } from "@/components/layout/nav-links";
import { navItems } from "@/components/layout/nav";
import { api } from "@/lib/http/client";

/*
 * What needs React Aria's overlay machinery loads apart from the page: the
 * palette and the narrow-screen sheet on first open, the header's menus just
 * after the page (behind same-sized placeholders). Every page's first load
 * stays within its budget that way.
 */
const CommandPalette = dynamic(() => import("@/components/layout/command-palette").then((m) => m.CommandPalette), { ssr: false });
const MobileNav = dynamic(() => import("@/components/layout/mobile-nav").then((m) => m.MobileNav), { ssr: false });
const HeaderMenus = dynamic(() => import("@/components/layout/header-menus").then((m) => m.HeaderMenus), {
  ssr: false,
  loading: () => (
    <>
      <span aria-hidden className="inline-flex size-9 items-center justify-center text-slate-400"><span className="size-5 rounded-full border-2 border-current" /></span>
      <span aria-hidden className="inline-flex h-9 items-center px-2.5 text-slate-400"><PersonIcon /></span>
    </>
  ),
});

export function ConsoleShell({
  email,
  isOperator,
  hasEnvironmentRole = false,
  mode,
  children,
}: {
  email: string;
  isOperator: boolean;
  /** An environment admin or viewer: no operator banner. */
  hasEnvironmentRole?: boolean;
  mode: "sandbox" | "aws";
  children: ReactNode;
}) {
  const pathname = usePathname();
  const items = navItems({ isOperator, mode });
  const router = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuLoaded, setMenuLoaded] = useState(false);
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
            onClick={() => {
              setMenuLoaded(true);
              setMenuOpen(true);
            }}
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
            <NavLinks items={items} pathname={pathname} />
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
            <button
              type="button"
              onClick={openPalette}
              aria-keyshortcuts="Control+K Meta+K"
              title="Go to a page, environment or action (Ctrl K)"
              className="flex items-center gap-2 whitespace-nowrap rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                <circle cx="11" cy="11" r="7" />
                <path d="m20 20-3.5-3.5" />
              </svg>
              <span className="sr-only 2xl:not-sr-only 2xl:whitespace-nowrap">Go to…</span>
              <kbd aria-hidden className="hidden rounded border border-slate-300 px-1 font-sans text-xs text-slate-600 2xl:inline dark:border-slate-600 dark:text-slate-300">
                Ctrl K
              </kbd>
            </button>
            <HeaderMenus email={email} isOperator={isOperator} onSignOut={() => void signOut()} />
          </div>
        </div>
      </header>
      {menuLoaded ? <MobileNav open={menuOpen} onOpenChange={setMenuOpen} items={items} pathname={pathname} email={email} isOperator={isOperator} /> : null}
      {paletteLoaded ? <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} items={items} isOperator={isOperator} /> : null}
      {!isOperator && !hasEnvironmentRole ? (
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

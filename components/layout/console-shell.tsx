"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { api } from "@/lib/http/client";

const NAV = [
  { href: "/environments", label: "Environments" },
  { href: "/blueprints", label: "Blueprints" },
  { href: "/jobs", label: "Jobs" },
  { href: "/audit", label: "Audit" },
] as const;

/** Capabilities that later releases add; listed so people know where they will be. */
const COMING = ["Entities"] as const;

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
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    try {
      await api("/api/session", { method: "DELETE" });
    } finally {
      router.replace("/sign-in");
      router.refresh();
    }
  }

  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-6 py-3">
          <Link href="/environments" className="font-semibold tracking-tight">
            TankTower Console
          </Link>
          {mode === "sandbox" ? (
            <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900" title="Running against the local AWS emulator">
              Sandbox
            </span>
          ) : null}
          <nav aria-label="Main" className="flex flex-1 items-center gap-1 overflow-x-auto text-sm">
            {NAV.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={`whitespace-nowrap rounded px-3 py-1.5 ${active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {item.label}
                </Link>
              );
            })}
            {COMING.map((label) => (
              <span key={label} className="whitespace-nowrap px-3 py-1.5 text-slate-500" title="Coming in a later release">
                {label}
                <span className="sr-only"> (coming soon)</span>
              </span>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span className="whitespace-nowrap text-slate-700" data-testid="signed-in-as">
              {email}
              {isOperator ? <span className="ml-1 text-xs text-slate-500">(operator)</span> : null}
            </span>
            <button
              type="button"
              onClick={signOut}
              disabled={signingOut}
              className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
            >
              Sign out
            </button>
          </div>
        </div>
      </header>
      {!isOperator ? (
        <div className="mx-auto max-w-7xl px-6 pt-4">
          <p role="status" className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            Your account has no operator role, so most pages will refuse you. Ask an operator to add you to the operators group.
          </p>
        </div>
      ) : null}
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">
        {children}
      </main>
    </div>
  );
}

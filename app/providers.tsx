"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import dynamic from "next/dynamic";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { ApiError, onSessionExpired } from "@/lib/http/client";

// Toasts only ever follow an action, so their region loads after the page.
const Toaster = dynamic(() => import("@/components/ui/toast").then((m) => m.Toaster), { ssr: false });
// The sign-in dialog (and the sign-in code it carries) loads only when a session ends under an open page.
const SessionExpiredDialog = dynamic(() => import("@/components/auth/session-expired-dialog").then((m) => m.SessionExpiredDialog), { ssr: false });

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  const router = useRouter();
  const [client] = useState(() => {
    // A 401 that the sign-in dialog could not resolve (the user chose to leave) goes to the sign-in page.
    const onError = (err: unknown) => {
      if (err instanceof ApiError && err.status === 401 && window.location.pathname !== "/sign-in") {
        router.replace(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      }
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: {
          staleTime: 10_000,
          retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
        },
      },
    });
  });

  // One dialog for every request that meets an ended session; they all wait for the same sign-in.
  const [expired, setExpired] = useState(false);
  const pending = useRef<{ promise: Promise<boolean>; resolve: (signedIn: boolean) => void } | null>(null);
  useEffect(() => {
    onSessionExpired(() => {
      if (window.location.pathname === "/sign-in") return Promise.resolve(false);
      if (!pending.current) {
        let resolve: (signedIn: boolean) => void = () => {};
        const promise = new Promise<boolean>((r) => (resolve = r));
        pending.current = { promise, resolve };
        setExpired(true);
      }
      return pending.current.promise;
    });
    return () => onSessionExpired(undefined);
  }, []);
  const settle = (signedIn: boolean) => {
    pending.current?.resolve(signedIn);
    pending.current = null;
    setExpired(false);
    if (signedIn) void client.invalidateQueries();
  };
  // Arriving on the sign-in page (signing out, leaving) ends any wait: that page signs in by itself.
  const pathname = usePathname();
  useEffect(() => {
    if (pathname === "/sign-in" && pending.current) {
      pending.current.resolve(false);
      pending.current = null;
      setExpired(false);
    }
  }, [pathname]);

  return (
    // The theme is a class on <html>: the system setting until the user picks one (kept in localStorage).
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      <QueryClientProvider client={client}>
        {children}
        {expired ? <SessionExpiredDialog open onSignedIn={() => settle(true)} onLeave={() => settle(false)} /> : null}
      </QueryClientProvider>
      <Toaster />
    </ThemeProvider>
  );
}

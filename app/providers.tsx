"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { SessionExpiredDialog } from "@/components/auth/session-expired-dialog";
import { ApiError, onSessionExpired } from "@/lib/http/client";

export function Providers({ children }: { children: ReactNode }) {
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
    <QueryClientProvider client={client}>
      {children}
      <SessionExpiredDialog open={expired} onSignedIn={() => settle(true)} onLeave={() => settle(false)} />
    </QueryClientProvider>
  );
}

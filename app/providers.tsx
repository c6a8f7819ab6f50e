"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { RouterProvider } from "react-aria-components";
import { Toaster } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/client";

export function Providers({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [client] = useState(() => {
    // An expired session anywhere sends the user to sign in, then back here.
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
  return (
    // The theme is a class on <html>: the system setting until the user picks one (kept in localStorage).
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {/* React Aria links (menu items, palette) navigate with the Next router. */}
      <RouterProvider navigate={(href) => router.push(href)}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
        <Toaster />
      </RouterProvider>
    </ThemeProvider>
  );
}

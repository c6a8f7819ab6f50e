import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "TankTower Console", template: "%s · TankTower Console" },
  description: "Provision and run TankTower environments on AWS",
};

/**
 * Every page is rendered per request: proxy.ts puts a fresh nonce in the
 * Content-Security-Policy, and Next.js can only stamp it on its scripts at
 * request time (a prerendered page would carry none and be blocked). Inline
 * scripts of our own (a theme script, say) take `nonce` from here.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts passes the request's nonce on; next-themes' inline theme script carries it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // next-themes sets the theme class on <html> before hydration.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}

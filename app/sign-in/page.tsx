import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AppMark } from "@/components/layout/app-mark";
import { LoadingState } from "@/components/ui/states";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-4 sm:p-6">
      <AppMark className="size-10" />
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-700 dark:bg-slate-900">
        <h1 className="mb-6 text-xl font-semibold">Sign in to TankTower Console</h1>
        <Suspense fallback={<LoadingState label="Loading sign-in…" rows={3} />}>
          <SignInForm />
        </Suspense>
      </div>
    </main>
  );
}

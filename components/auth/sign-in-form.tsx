"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/states";
import type { PendingChallenge, Tokens } from "@/components/auth/cognito-sign-in";
import type { AuthConfig } from "@/lib/auth/schema";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { api, ApiError } from "@/lib/http/client";

// amazon-cognito-identity-js is most of this page's weight: it loads when the form is first submitted.
const cognito = () => import("@/components/auth/cognito-sign-in");

type PasswordValues = { email: string; password: string };
type NewPasswordValues = { newPassword: string; confirm: string };
const passwordResolver = lazyZodResolver<PasswordValues>(() => import("@/lib/auth/schema").then((m) => m.signInPasswordSchema));
const newPasswordResolver = lazyZodResolver<NewPasswordValues>(() => import("@/lib/auth/schema").then((m) => m.newPasswordSchema));

function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/environments";
}

/** The sign-in page: signs in, then goes where the user was headed. */
export function SignInForm() {
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  return (
    <SignInFlow
      onSignedIn={() => {
        router.replace(next);
        router.refresh();
      }}
    />
  );
}

/** Password (and first-time new password) sign-in; used by the page and by the session-expired dialog. */
export function SignInFlow({ onSignedIn, email }: { onSignedIn: () => void; email?: string }) {
  const config = useQuery({ queryKey: ["auth-config"], queryFn: () => api<AuthConfig>("/api/auth/config") });
  const [challenge, setChallenge] = useState<PendingChallenge | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function finish(tokens: Tokens) {
    await api("/api/session", { method: "POST", body: tokens });
    onSignedIn();
  }

  function explain(err: unknown): string {
    if ((err instanceof Error && err.name === "SignInError") || err instanceof ApiError) return err.message;
    return "Sign-in failed. Try again.";
  }

  if (config.isError) {
    return <Alert tone="error" title="Sign-in is not available">{explain(config.error)}</Alert>;
  }
  if (!config.data) {
    return (
      <div className="flex flex-col gap-4" aria-busy>
        <p role="status" className="sr-only">Loading sign-in…</p>
        <Skeleton className="h-16" />
        <Skeleton className="h-16" />
        <Skeleton className="h-9" />
      </div>
    );
  }
  const auth = config.data;

  return challenge ? (
    <NewPasswordStep
      error={error}
      onInvalid={() => setError(null)}
      onSubmit={async (newPassword) => {
        setError(null);
        try {
          const { completeNewPassword } = await cognito();
          await finish(await completeNewPassword(auth, challenge, newPassword));
        } catch (err) {
          setError(explain(err));
        }
      }}
    />
  ) : (
    <PasswordStep
      mode={auth.mode}
      email={email}
      error={error}
      onInvalid={() => setError(null)}
      onSubmit={async ({ email, password }) => {
        setError(null);
        try {
          const { signIn } = await cognito();
          const outcome = await signIn(auth, email, password);
          if (outcome.kind === "new-password-required") setChallenge(outcome.challenge);
          else await finish(outcome.tokens);
        } catch (err) {
          setError(explain(err));
        }
      }}
    />
  );
}

function PasswordStep({
  mode,
  email,
  error,
  onInvalid,
  onSubmit,
}: {
  mode: AuthConfig["mode"];
  email?: string;
  error: string | null;
  /** A resubmit that fails validation clears the previous answer's banner. */
  onInvalid: () => void;
  onSubmit: (v: PasswordValues) => Promise<void>;
}) {
  const form = useForm<PasswordValues>({ resolver: passwordResolver, defaultValues: { email: email ?? "", password: "" } });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onSubmit, onInvalid)} noValidate className="flex flex-col gap-4" aria-label="Sign in">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField label="Email" type="email" autoComplete="username" required error={errors.email?.message} {...form.register("email")} />
      <TextField label="Password" type="password" autoComplete="current-password" required error={errors.password?.message} {...form.register("password")} />
      <Button type="submit" busy={isSubmitting}>
        Sign in
      </Button>
      {mode === "sandbox" ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Sandbox: the operator&apos;s email and password were printed by <code>npm run dev</code> (TT_SANDBOX_OPERATOR_EMAIL / TT_SANDBOX_OPERATOR_PASSWORD).
        </p>
      ) : null}
    </form>
  );
}

function NewPasswordStep({ error, onInvalid, onSubmit }: { error: string | null; onInvalid: () => void; onSubmit: (password: string) => Promise<void> }) {
  const form = useForm<NewPasswordValues>({ resolver: newPasswordResolver, defaultValues: { newPassword: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((v) => onSubmit(v.newPassword), onInvalid)} noValidate className="flex flex-col gap-4" aria-label="Choose a new password">
      <Alert tone="info" title="Choose a new password">
        This is your first sign-in with a temporary password. Choose your own to continue.
      </Alert>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField label="New password" type="password" autoComplete="new-password" required hint="At least 8 characters, with upper- and lowercase letters and a digit." error={errors.newPassword?.message} {...form.register("newPassword")} />
      <TextField label="Confirm new password" type="password" autoComplete="new-password" required error={errors.confirm?.message} {...form.register("confirm")} />
      <Button type="submit" busy={isSubmitting}>
        Set password and sign in
      </Button>
    </form>
  );
}

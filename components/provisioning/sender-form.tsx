"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast-queue";
import { useEnvironment, useUpdateEnvironment } from "@/components/environments/queries";
import type { Environment, EnvironmentUpdateInput } from "@/lib/environments/schema";
import { ApiError } from "@/lib/http/client";

/** The environment's settings as they are, with one field changed (PATCH takes every editable field). */
export function updateOf(e: Environment, change: Partial<EnvironmentUpdateInput>): EnvironmentUpdateInput {
  return {
    region: e.region,
    accountId: e.accountId ?? "",
    endpoint: e.endpoint ?? "",
    appApiUrl: e.appApiUrl ?? "",
    sesSender: e.sesSender ?? "",
    description: e.description ?? "",
    readCapacity: e.readCapacity === null ? "" : String(e.readCapacity),
    writeCapacity: e.writeCapacity === null ? "" : String(e.writeCapacity),
    credentials: { type: "unchanged" },
    version: e.version,
    ...change,
  };
}

/** Step 7 in place: set the SES sender without going to the settings page. */
export function SenderForm({ env, onSaved }: { env: string; onSaved: () => void }) {
  const current = useEnvironment(env);
  const update = useUpdateEnvironment(env);
  const [sender, setSender] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!current.data) return;
    setError(null);
    try {
      await update.mutateAsync(updateOf(current.data, { sesSender: sender.trim() }));
      toast.success("Sender saved", `${sender.trim()} is the SES sender of ${env}.`);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldErrors.sesSender?.[0] ?? err.message) : "The sender could not be saved. Try again.");
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Set the SES sender" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 sm:w-80">
        <TextField
          label="SES sender address"
          type="email"
          placeholder="no-reply@example.com"
          value={sender}
          onChange={(e) => setSender(e.target.value)}
          error={error ?? undefined}
          required
        />
      </div>
      <div>
        <Button type="submit" variant="secondary" busy={update.isPending} disabled={!current.data || !sender.trim()}>
          Save sender
        </Button>
      </div>
    </form>
  );
}

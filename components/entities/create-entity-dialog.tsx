"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormDialog } from "@/components/entities/form-dialog";
import { useCreateEntity } from "@/components/entities/queries";
import { ApiError } from "@/lib/http/client";
import type { EntityType } from "@/lib/entities/schema";

/** Create a team, org, portfolio or app: a name and an optional handle (unique in the environment). */
export function CreateEntityDialog({ env, type }: { env: string; type: EntityType }) {
  const create = useCreateEntity(env);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | undefined>();
  return (
    <FormDialog label={`New ${type}`} title={`New ${type} in ${env}`}>
      {(close) => (
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={async (e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            setErrors({});
            setMessage(undefined);
            try {
              await create.mutateAsync({ type, name: String(data.get("name") ?? ""), handle: String(data.get("handle") ?? ""), about: String(data.get("about") ?? "") });
              close();
            } catch (err) {
              if (err instanceof ApiError) {
                setErrors(err.fieldErrors);
                setMessage(err.message);
              } else throw err;
            }
          }}
        >
          {message ? <Alert tone="error">{message}</Alert> : null}
          <TextField label="Name" name="name" required error={errors.name?.[0]} />
          <TextField label="Handle" name="handle" hint="Optional; unique in this environment." error={errors.handle?.[0]} />
          <TextField label="About" name="about" error={errors.about?.[0]} />
          <div className="flex justify-end">
            <Button type="submit" busy={create.isPending}>Create</Button>
          </div>
        </form>
      )}
    </FormDialog>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { EnvironmentForm } from "@/components/environments/environment-form";
import { useCreateEnvironment } from "@/components/environments/queries";
import type { EnvironmentCreateInput } from "@/lib/environments/schema";

export function NewEnvironment() {
  const router = useRouter();
  const create = useCreateEnvironment();
  return (
    <>
      <PageHeader title="Add environment" description="Register an AWS account and region the console will provision and manage." />
      <EnvironmentForm
        mode="create"
        submitLabel="Add environment"
        defaultValues={{ name: "", region: "us-east-1", credentials: { type: "default" }, accountId: "", endpoint: "", appApiUrl: "", appFunctionArn: "", sesSender: "", description: "", readCapacity: "", writeCapacity: "", languages: "en" }}
        onSubmit={async (values) => {
          const env = await create.mutateAsync(values as EnvironmentCreateInput);
          // Straight to what comes next: the checklist that takes it to green.
          router.push(`/environments/${env.name}/provisioning?created=1`);
        }}
      />
    </>
  );
}

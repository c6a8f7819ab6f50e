import "server-only";
import { audited } from "@/lib/audit/record";
import { getEnvironment } from "@/lib/environments/read";
import { SANDBOX_ENVIRONMENT } from "@/lib/environments/sandbox";
import { prepareProvision } from "@/lib/provisioning/apply";
import { createInstaller } from "@/lib/provisioning/installer";
import { planEnvironment } from "@/lib/provisioning/service";

/**
 * The sandbox environment comes fully provisioned, so a newcomer's first
 * checklist is green: step 1 by the console (an installer user whose key the
 * environment then uses), then an ordinary plan and apply. Idempotent.
 */
export async function provisionSandbox(actor: string): Promise<{ changes: number }> {
  let env = await getEnvironment(SANDBOX_ENVIRONMENT);
  if (env.credentials.type === "default") {
    await audited({ actor, action: "provisioning.create-installer", environment: env.name, target: env.name }, () => createInstaller(env, actor));
    env = await getEnvironment(SANDBOX_ENVIRONMENT);
  }
  const plan = await planEnvironment(env);
  if (plan.changes.length === 0) return { changes: 0 };
  const result = await audited({ actor, action: "provisioning.apply", environment: env.name, target: env.name }, async () => {
    const run = await (await prepareProvision(env, plan.fingerprint, actor)).run(() => {});
    if (!run.ok) throw new Error(`sandbox provisioning did not finish: ${run.failed.join(", ")}`);
    return run;
  });
  return { changes: result.plan.changes.length };
}

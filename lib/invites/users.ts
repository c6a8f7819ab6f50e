import "server-only";
import { AdminDisableUserCommand, AdminEnableUserCommand, AdminUserGlobalSignOutCommand } from "@aws-sdk/client-cognito-identity-provider";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { ValidationError } from "@/lib/http/errors";
import type { EnvContext } from "@/lib/entities/context";
import type { Entity } from "@/lib/entities/schema";
import { requireEntityItem, writeEntityChange } from "@/lib/entities/store";
import { environmentPool } from "@/lib/invites/pool";

/**
 * Deactivating a user disables the Cognito user (a disabled user cannot sign
 * in) and signs them out everywhere, then marks the entity inactive;
 * reactivating undoes both. Cognito first, so the entity never claims a state
 * Cognito does not have.
 */
export async function setUserActive(ctx: EnvContext, id: string, active: boolean): Promise<Entity> {
  const user = await requireEntityItem(ctx, "user", id);
  const email = typeof user.email === "string" ? user.email : undefined;
  if (!email) throw ValidationError.forField("email", "This user has no email, so no Cognito user.");
  const { userPoolId } = await environmentPool(ctx);
  try {
    if (active) {
      await ctx.clients.cognito.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: email }));
    } else {
      await ctx.clients.cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: email }));
      await ctx.clients.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: email }));
    }
  } catch (err) {
    if (!isAwsError(err, "UserNotFoundException")) throw toUpstreamError(err, active ? "enabling the Cognito user" : "disabling the Cognito user");
  }
  return writeEntityChange(ctx, user, { is_active: active ? "true" : "false" });
}

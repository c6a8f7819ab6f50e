/** The settings step 4a asks for, and the flows the app uses. */
export const REQUIRED_CLIENT_FLOWS = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] as const;

/** Cognito always marks `sub` required; step 4a means "no attribute required at sign-up" beyond it. */
export function unexpectedRequiredAttributes(required: string[]): string[] {
  return required.filter((name) => name !== "sub");
}

export function missingFlows(flows: string[]): string[] {
  return REQUIRED_CLIENT_FLOWS.filter((f) => !flows.includes(f));
}

export function installerInstructions(env: string, group: string, user: string, partition = "aws"): string {
  return [
    `# For the account's administrator: an installer for TankTower environment "${env}" (setup step 1)`,
    `aws iam create-group --group-name ${group}`,
    `aws iam attach-group-policy --group-name ${group} --policy-arn arn:${partition}:iam::aws:policy/AdministratorAccess`,
    `aws iam create-user --user-name ${user}`,
    `aws iam add-user-to-group --group-name ${group} --user-name ${user}`,
    `aws iam create-access-key --user-name ${user}`,
    `# Send the access key id and secret over a secure channel, then enter them in the environment's settings.`,
    `# Better: create a role with AdministratorAccess that trusts the console's account with an external id,`,
    `# and choose "Assume a role" in the environment's settings.`,
  ].join("\n");
}

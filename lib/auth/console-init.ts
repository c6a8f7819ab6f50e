import "server-only";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { homeClients } from "@/lib/aws/clients";
import { findAppClientIdByName, findUserPoolIdByName } from "@/lib/aws/cognito-lookup";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { readConsoleAuthSettings, writeConsoleAuthSettings, type ConsoleAuthSettings } from "@/lib/auth/console-settings";
import { OPERATORS_GROUP } from "@/lib/auth/roles";
import { config } from "@/lib/config/env";
import { ensureRegistryTable } from "@/lib/registry/table";

/**
 * `tt console init`: the console's own sign-in, idempotently. A user pool with
 * email as the only sign-in identifier and admin-only sign-up, a public app
 * client (no secret) for browser USER_PASSWORD_AUTH, the `operators` group and
 * the first operator, invited by Cognito's email with a temporary password
 * (or given a permanent one, as the sandbox does).
 */
export const CONSOLE_CLIENT_NAME = "tanktower-console-web";

/** `adminName`: the operator's display name (Cognito `name`), shown as the author of what they do; set or updated when given. */
export type ConsoleInitOptions = { adminEmail: string; adminName?: string; permanentPassword?: string };
export type ConsoleInitResult = ConsoleAuthSettings & { created: string[] };

async function exists(probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (err) {
    if (isAwsError(err, "ResourceNotFoundException")) return false;
    throw err;
  }
}

async function ensurePool(cognito: CognitoIdentityProviderClient, known: string | undefined, created: string[]): Promise<string> {
  if (known && (await exists(() => cognito.send(new DescribeUserPoolCommand({ UserPoolId: known }))))) return known;
  const name = config().poolName;
  const found = await findUserPoolIdByName(cognito, name);
  if (found) return found;
  const out = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: name,
      UsernameAttributes: ["email"],
      AutoVerifiedAttributes: ["email"],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: { MinimumLength: 8, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: false, TemporaryPasswordValidityDays: 7 },
      },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_email", Priority: 1 }] },
    }),
  );
  const id = out.UserPool?.Id;
  if (!id) throw new Error("CreateUserPool returned no pool id");
  created.push(`user pool ${name} (${id})`);
  return id;
}

async function ensureClient(
  cognito: CognitoIdentityProviderClient,
  UserPoolId: string,
  known: string | undefined,
  created: string[],
): Promise<string> {
  if (known && (await exists(() => cognito.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: known }))))) return known;
  const found = await findAppClientIdByName(cognito, UserPoolId, CONSOLE_CLIENT_NAME);
  if (found) return found;
  const out = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId,
      ClientName: CONSOLE_CLIENT_NAME,
      GenerateSecret: false,
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      PreventUserExistenceErrors: "ENABLED",
      EnableTokenRevocation: true,
      RefreshTokenValidity: 1,
      TokenValidityUnits: { RefreshToken: "days" },
    }),
  );
  const id = out.UserPoolClient?.ClientId;
  if (!id) throw new Error("CreateUserPoolClient returned no client id");
  created.push(`app client ${CONSOLE_CLIENT_NAME} (${id})`);
  return id;
}

async function ensureOperator(
  cognito: CognitoIdentityProviderClient,
  UserPoolId: string,
  opts: ConsoleInitOptions,
  created: string[],
): Promise<void> {
  try {
    await cognito.send(new CreateGroupCommand({ UserPoolId, GroupName: OPERATORS_GROUP, Description: "TankTower Console operators: full access" }));
    created.push(`group ${OPERATORS_GROUP}`);
  } catch (err) {
    if (!isAwsError(err, "GroupExistsException")) throw err;
  }
  const email = opts.adminEmail.trim().toLowerCase();
  const name = opts.adminName?.trim();
  let username: string | undefined;
  let currentName: string | undefined;
  try {
    const out = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: email }));
    username = out.Username;
    currentName = out.UserAttributes?.find((a) => a.Name === "name")?.Value;
  } catch (err) {
    if (!isAwsError(err, "UserNotFoundException")) throw err;
  }
  if (!username) {
    const out = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: email,
        UserAttributes: [
          { Name: "email", Value: email },
          { Name: "email_verified", Value: "true" },
          ...(name ? [{ Name: "name", Value: name }] : []),
        ],
        DesiredDeliveryMediums: ["EMAIL"],
        ...(opts.permanentPassword ? { MessageAction: "SUPPRESS" as const } : {}),
      }),
    );
    username = out.User?.Username;
    if (!username) throw new Error("AdminCreateUser returned no username");
    created.push(`operator ${email}`);
  } else if (name && name !== currentName) {
    await cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username: username, UserAttributes: [{ Name: "name", Value: name }] }));
  }
  if (opts.permanentPassword) {
    await cognito.send(
      new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: opts.permanentPassword, Permanent: true }),
    );
  }
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName: OPERATORS_GROUP }));
}

export async function initConsole(opts: ConsoleInitOptions): Promise<ConsoleInitResult> {
  await ensureRegistryTable();
  const { cognito } = homeClients();
  const known = await readConsoleAuthSettings();
  const created: string[] = [];
  try {
    const userPoolId = await ensurePool(cognito, known?.userPoolId, created);
    const clientId = await ensureClient(cognito, userPoolId, known?.userPoolId === userPoolId ? known.clientId : undefined, created);
    await ensureOperator(cognito, userPoolId, opts, created);
    const settings = { userPoolId, clientId, region: config().homeRegion };
    if (!known || known.userPoolId !== userPoolId || known.clientId !== clientId) await writeConsoleAuthSettings(settings);
    return { ...settings, created };
  } catch (err) {
    throw toUpstreamError(err, "setting up the console user pool");
  }
}

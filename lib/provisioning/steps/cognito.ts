import "server-only";
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  UpdateUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { updateProvisioningRecord } from "@/lib/provisioning/record";
import { REQUIRED_CLIENT_FLOWS } from "@/lib/provisioning/rules";
import type { StepExecutor } from "@/lib/provisioning/steps/context";

/** Step 4a: the pool signs in with email only and requires no attribute at sign-up. */
export const createPool: StepExecutor = async (ctx) => {
  const out = await ctx.aws.cognito.send(
    new CreateUserPoolCommand({
      PoolName: ctx.names.userPoolName,
      UsernameAttributes: ["email"],
      AutoVerifiedAttributes: ["email"],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_email", Priority: 1 }] },
    }),
  );
  const id = out.UserPool?.Id;
  const arn = out.UserPool?.Arn;
  if (!id || !arn) throw new Error("CreateUserPool returned no id or ARN");
  await updateProvisioningRecord(ctx.env.name, { userPoolId: id, userPoolArn: arn });
  ctx.userPoolId = id;
  ctx.render = { ...ctx.render, userPoolArn: arn };
};

/** Step 4a: the app client, with a generated secret (never stored by the console) and the document's flows. */
export const createClient: StepExecutor = async (ctx) => {
  if (!ctx.userPoolId) throw new Error("the user pool is not known");
  const out = await ctx.aws.cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: ctx.userPoolId,
      ClientName: ctx.names.appClientName,
      GenerateSecret: true,
      ExplicitAuthFlows: [...REQUIRED_CLIENT_FLOWS],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: "ENABLED",
    }),
  );
  const id = out.UserPoolClient?.ClientId;
  if (!id) throw new Error("CreateUserPoolClient returned no client id");
  await updateProvisioningRecord(ctx.env.name, { appClientId: id });
};

/** Adds missing flows. UpdateUserPoolClient resets what it is not given, so everything is passed back. */
export const updateClientFlows: StepExecutor = async (ctx, clientId) => {
  if (!ctx.userPoolId) throw new Error("the user pool is not known");
  const current = (await ctx.aws.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: ctx.userPoolId, ClientId: clientId }))).UserPoolClient;
  if (!current) throw new Error("the app client disappeared");
  const flows = [...new Set([...(current.ExplicitAuthFlows ?? []), ...REQUIRED_CLIENT_FLOWS])];
  await ctx.aws.cognito.send(
    new UpdateUserPoolClientCommand({
      UserPoolId: ctx.userPoolId,
      ClientId: clientId,
      ClientName: current.ClientName,
      RefreshTokenValidity: current.RefreshTokenValidity,
      AccessTokenValidity: current.AccessTokenValidity,
      IdTokenValidity: current.IdTokenValidity,
      TokenValidityUnits: current.TokenValidityUnits,
      ReadAttributes: current.ReadAttributes,
      WriteAttributes: current.WriteAttributes,
      ExplicitAuthFlows: flows,
      SupportedIdentityProviders: current.SupportedIdentityProviders,
      CallbackURLs: current.CallbackURLs,
      LogoutURLs: current.LogoutURLs,
      DefaultRedirectURI: current.DefaultRedirectURI,
      AllowedOAuthFlows: current.AllowedOAuthFlows,
      AllowedOAuthScopes: current.AllowedOAuthScopes,
      AllowedOAuthFlowsUserPoolClient: current.AllowedOAuthFlowsUserPoolClient,
      PreventUserExistenceErrors: current.PreventUserExistenceErrors,
      EnableTokenRevocation: current.EnableTokenRevocation,
      AuthSessionValidity: current.AuthSessionValidity,
    }),
  );
};

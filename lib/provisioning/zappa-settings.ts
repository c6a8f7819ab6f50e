/**
 * Step 6: zappa_settings.json for the environment's stage, pointing the
 * deployment at the role of step 5 (zappa must not manage roles itself) and
 * handing the app its resource names. Secrets never go in this file: the app
 * client secret (step 4a) is passed as a reference the app resolves at start.
 */
import type { TableNames } from "@/lib/provisioning/names";

export type ZappaSettingsInput = {
  env: string;
  region: string;
  roleName: string;
  roleArn: string;
  bucketName: string;
  userPoolId: string;
  appClientId: string;
  /** Where the secret is kept (e.g. a Secrets Manager ARN or an SSM parameter name), never the secret. */
  clientSecretRef: string;
  tables: TableNames;
};

export type ZappaStage = {
  app_function: "app.app";
  aws_region: string;
  profile_name: string;
  project_name: "tanktower";
  runtime: "python3.12";
  s3_bucket: string;
  role_name: string;
  role_arn: string;
  manage_roles: false;
  keep_warm: false;
  environment_variables: Record<string, string>;
};

/**
 * 40+ base64 characters mixing letters and digits: the shape of a Cognito app
 * client secret (about 51) or an AWS secret access key (40). Names, ids and
 * references are shorter or contain ":" "_" or a leading "/".
 */
export function looksLikeSecret(value: string): boolean {
  return /^[A-Za-z0-9+/=]{40,}$/.test(value) && !value.startsWith("/") && /\d/.test(value) && /[A-Za-z]/.test(value);
}

export function renderZappaSettings(input: ZappaSettingsInput): Record<string, ZappaStage> {
  if (looksLikeSecret(input.clientSecretRef)) {
    throw new Error("clientSecretRef looks like a secret; pass where the secret is stored, not the secret.");
  }
  return {
    [input.env]: {
      app_function: "app.app",
      aws_region: input.region,
      // Step 9: the deploying machine's ~/.aws/credentials profile is named after the environment.
      profile_name: input.env,
      project_name: "tanktower",
      runtime: "python3.12",
      s3_bucket: input.bucketName,
      role_name: input.roleName,
      role_arn: input.roleArn,
      manage_roles: false,
      // Free tier first: no scheduled warm-up invocations.
      keep_warm: false,
      environment_variables: {
        TT_ENV: input.env,
        TT_BLUEPRINTS_TABLE: input.tables.blueprints,
        TT_DATA_TABLE: input.tables.data,
        TT_ENTITIES_TABLE: input.tables.entities,
        TT_REL_TABLE: input.tables.rel,
        TT_USER_POOL_ID: input.userPoolId,
        TT_APP_CLIENT_ID: input.appClientId,
        TT_APP_CLIENT_SECRET_REF: input.clientSecretRef,
      },
    },
  };
}

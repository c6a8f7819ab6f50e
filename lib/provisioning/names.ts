/**
 * Every AWS name an environment uses, derived from the environment name alone
 * so that plan, apply and drift checks agree on them.
 */
export type TableNames = {
  /** Step 3, table 1. */
  blueprints: string;
  /** Step 3, table 2 (with the three local secondary indexes). */
  data: string;
  /** Step 3, table 3. */
  entities: string;
  /** Step 3, table 4. */
  rel: string;
};

export type EnvironmentNames = {
  env: string;
  tables: TableNames;
  /** Step 4: the managed policy the application's role uses. */
  policyName: string;
  /**
   * Step 5. The document's sample ARN says `tanktower_role_<env>`; the
   * instruction above it says `<env>_tt_role`, which we follow.
   */
  roleName: string;
  /** Step 2: inline policy on the installer user. */
  inlinePolicyName: string;
  /** Step 5c: inline policy on the role that revokes older sessions (the name the IAM console uses). */
  revokePolicyName: string;
  /** Step 4a: the user pool is named after the environment. */
  userPoolName: string;
  /** Step 4a: the app client of that pool. */
  appClientName: string;
  /** Step 1 (third-party accounts): the group that holds AdministratorAccess. */
  installerGroupName: string;
  installerUserName: string;
};

export function environmentNames(env: string): EnvironmentNames {
  return {
    env,
    tables: {
      blueprints: `${env}_blueprints`,
      data: `${env}_data`,
      entities: `${env}_entities`,
      rel: `${env}_rel`,
    },
    policyName: `${env}_tt_policy`,
    roleName: `${env}_tt_role`,
    inlinePolicyName: `${env}_tank_inline`,
    revokePolicyName: "AWSRevokeOlderSessions",
    userPoolName: env,
    appClientName: `${env}_app`,
    installerGroupName: "TankTowerInstallers",
    installerUserName: `${env}_installer`,
  };
}

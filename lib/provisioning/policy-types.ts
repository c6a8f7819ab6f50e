/** IAM policy document shapes and the context policies are rendered for. Pure types. */

export type PolicyStatement = {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Resource?: string | string[];
  Principal?: { Service: string | string[] } | string;
  Condition?: Record<string, Record<string, string | string[]>>;
};

export type PolicyDocument = {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
};

export type RenderContext = {
  env: string;
  region: string;
  accountId: string;
  /** "aws" unless the account is in another partition (aws-cn, aws-us-gov). */
  partition?: string;
  /** Step 4b; absent in a plan made before the name is chosen. */
  bucketName?: string;
  /** Step 4a; absent in a plan made before the pool exists. */
  userPoolArn?: string;
  /** Base URL of the deployed TankTower API, if it is deployed. */
  appApiUrl?: string;
};

/** A rendered document plus human-readable notes for the UI (what was left out or fixed, and why). */
export type Rendered<T> = { document: T; notes: string[] };

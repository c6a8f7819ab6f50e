/**
 * What the TankTower app does at run time, as IAM requests. Kept in code so
 * the rendered step 4 policy can be checked against it (least-privilege.ts):
 * every action here must be allowed, and a policy change that breaks one shows.
 */
import {
  bucketObjectsResource,
  dataIndexArns,
  executeApiArn,
  parseExecuteApiUrl,
  partitionOf,
  tableArn,
  userPoolResource,
} from "@/lib/provisioning/arns";
import { environmentNames } from "@/lib/provisioning/names";
import type { RenderContext } from "@/lib/provisioning/policy-types";

export type AppAction = {
  action: string;
  resource: string;
  why: string;
  /**
   * Set for APIs the service authorizes without IAM (Cognito's
   * RespondToAuthChallenge): no identity policy can allow or deny them.
   */
  notAuthorizedByIam?: true;
};

/** Zappa names the function `<project_name>-<stage>`: project "tanktower", stage = environment. */
function functionName(env: string): string {
  return `tanktower-${env}`;
}

export function APP_ACTIONS(ctx: RenderContext): AppAction[] {
  const partition = partitionOf(ctx);
  const { tables } = environmentNames(ctx.env);
  const actions: AppAction[] = [];

  const tableWhy: Record<keyof typeof tables, string> = {
    blueprints: "reads and saves blueprints",
    data: "reads and saves documents",
    entities: "reads and saves users, orgs, teams and portfolios",
    rel: "reads and saves relations between entities",
  };
  for (const key of ["blueprints", "data", "entities", "rel"] as const) {
    for (const action of ["GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem"]) {
      actions.push({ action: `dynamodb:${action}`, resource: tableArn(ctx, tables[key]), why: `The app ${tableWhy[key]} (${tables[key]}).` });
    }
  }
  for (const index of dataIndexArns(ctx)) {
    const name = index.slice(index.lastIndexOf("/") + 1);
    actions.push({ action: "dynamodb:Query", resource: index, why: `The app lists documents by ${name}.` });
  }

  actions.push({ action: "ses:SendEmail", resource: "*", why: "The app sends invitation emails from the step 7 identity." });

  const pool = userPoolResource(ctx).arn;
  const poolWhy: Record<string, string> = {
    ListUsers: "lists the environment's users",
    AdminCreateUser: "invites users",
    AdminSetUserPassword: "sets a user's password",
    AdminInitiateAuth: "signs users in",
  };
  for (const [action, why] of Object.entries(poolWhy)) {
    actions.push({ action: `cognito-idp:${action}`, resource: pool, why: `The app ${why}.` });
  }
  actions.push({
    action: "cognito-idp:RespondToAuthChallenge",
    resource: pool,
    why: "The app answers sign-in challenges (a new password). Cognito authorizes this call by the sign-in session, not by IAM; the document's policy lists it anyway.",
    notAuthorizedByIam: true,
  });

  const objects = bucketObjectsResource(ctx).arn;
  for (const action of ["GetObject", "PutObject", "DeleteObject"]) {
    actions.push({ action: `s3:${action}`, resource: objects, why: "The app keeps uploaded files in the step 4b bucket." });
  }

  const logGroup = `arn:${partition}:logs:${ctx.region}:${ctx.accountId}:log-group:/aws/lambda/${functionName(ctx.env)}`;
  actions.push({ action: "logs:CreateLogGroup", resource: logGroup, why: "Lambda creates the function's log group on first run." });
  for (const action of ["CreateLogStream", "PutLogEvents"]) {
    actions.push({ action: `logs:${action}`, resource: `${logGroup}:log-stream:*`, why: "Lambda writes the app's logs." });
  }

  actions.push({
    action: "lambda:InvokeFunction",
    resource: `arn:${partition}:lambda:${ctx.region}:${ctx.accountId}:function:${functionName(ctx.env)}`,
    why: "Zappa runs asynchronous tasks and scheduled jobs by invoking the app's own function.",
  });

  const endpoint = ctx.appApiUrl === undefined ? undefined : parseExecuteApiUrl(ctx.appApiUrl);
  if (endpoint) {
    actions.push({ action: "execute-api:Invoke", resource: executeApiArn(ctx, endpoint), why: "Requests to the app's API Gateway API signed with the role's credentials (step 2 grants the same)." });
  }
  return actions;
}

/**
 * The IAM documents of steps 2, 4, 5b and 5c, rendered for one environment
 * with the setup document's mistakes fixed (see documentationFixes()).
 * Pure: the apply code sends what these return.
 */
import {
  DATA_TABLE_INDEXES,
  bucketObjectsResource,
  executeApiArn,
  parseExecuteApiUrl,
  partitionOf,
  tableResources,
  userPoolResource,
} from "@/lib/provisioning/arns";
import { environmentNames } from "@/lib/provisioning/names";
import type { PolicyDocument, PolicyStatement, RenderContext, Rendered } from "@/lib/provisioning/policy-types";

const TABLE_ACTIONS = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"];

/** The API id and region the document hard-coded in its execute-api statement. */
const DOCUMENT_API_ID = "gs338uqho1";

function tablesStatement(ctx: RenderContext): { statement: PolicyStatement; note: string } {
  const data = environmentNames(ctx.env).tables.data;
  return {
    statement: { Sid: "Tables", Effect: "Allow", Action: [...TABLE_ACTIONS], Resource: tableResources(ctx) },
    note: `Tables: allows queries on all three indexes of ${data} (${DATA_TABLE_INDEXES.join(", ")}); the document allowed only path_index, so queries on time_index and geo_index were denied.`,
  };
}

const emailStatement: PolicyStatement = { Sid: "Email", Effect: "Allow", Action: "ses:SendEmail", Resource: "*" };

/** Step 2's execute-api statement, derived from the app's API URL, or left out with the reason. */
function appApiStatement(ctx: RenderContext): { statement?: PolicyStatement; note: string } {
  if (ctx.appApiUrl === undefined) {
    return {
      note: `AppApi: left out because the TankTower app's API URL is not known yet (the app is not deployed). The document hard-coded API ${DOCUMENT_API_ID} in us-east-1, which belongs to another deployment; re-apply once the app is deployed to grant execute-api:Invoke on it.`,
    };
  }
  const endpoint = parseExecuteApiUrl(ctx.appApiUrl);
  if (!endpoint) {
    return {
      note: `AppApi: left out because ${ctx.appApiUrl} is not an execute-api URL (https://{api id}.execute-api.{region}.amazonaws.com/…), for example a custom domain, so the API id cannot be derived. The document hard-coded API ${DOCUMENT_API_ID} in us-east-1.`,
    };
  }
  const regionRemark = endpoint.region === ctx.region ? "" : ` Note that the API is in ${endpoint.region}, not in the environment's region ${ctx.region}.`;
  return {
    statement: { Sid: "AppApi", Effect: "Allow", Action: "execute-api:Invoke", Resource: executeApiArn(ctx, endpoint) },
    note: `AppApi: execute-api:Invoke on API ${endpoint.apiId} in ${endpoint.region}, derived from ${ctx.appApiUrl}; the document hard-coded API ${DOCUMENT_API_ID} in us-east-1.${regionRemark}`,
  };
}

function policy(statements: (PolicyStatement | undefined)[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements.filter((s): s is PolicyStatement => s !== undefined) };
}

/** Step 2: the inline policy `<env>_tank_inline` on the installer user. */
export function renderTankInlinePolicy(ctx: RenderContext): Rendered<PolicyDocument> {
  const tables = tablesStatement(ctx);
  const appApi = appApiStatement(ctx);
  return { document: policy([tables.statement, emailStatement, appApi.statement]), notes: [tables.note, appApi.note] };
}

/**
 * Step 4: `<env>_tt_policy`, the policy of the role the app runs under.
 * The document calls it a combination of zappa's policy and step 2's inline
 * policy but its listing lacks step 2's execute-api statement; it is added last.
 */
export function renderTtPolicy(ctx: RenderContext): Rendered<PolicyDocument> {
  const partition = partitionOf(ctx);
  const notes: string[] = [];

  const bucket = bucketObjectsResource(ctx);
  if (!bucket.known) {
    notes.push("BucketObjects: the bucket name (step 4b) is not chosen yet; the resource shown is a placeholder replaced by the real name when the plan is applied.");
  }

  const tables = tablesStatement(ctx);
  notes.push(tables.note);

  const pool = userPoolResource(ctx);
  notes.push(
    pool.known
      ? `UserPool: scoped to the environment's own pool ${pool.arn}; the document hard-coded us-east-1 and built the pool part as <region>_<pool id>, which matches no pool.`
      : "UserPool: the user pool (step 4a) does not exist yet; the resource shown is a placeholder replaced by the real pool ARN when the plan is applied (the document hard-coded us-east-1 and a malformed pool ARN).",
  );

  const appApi = appApiStatement(ctx);
  notes.push(appApi.note);

  const document = policy([
    { Sid: "LambdaInvoke", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: "*" },
    { Sid: "ApiGateway", Effect: "Allow", Action: ["apigateway:POST", "apigateway:GET", "apigateway:PUT", "apigateway:DELETE"], Resource: "*" },
    { Sid: "BucketObjects", Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"], Resource: bucket.arn },
    { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: `arn:${partition}:logs:*:*:*` },
    tables.statement,
    emailStatement,
    {
      Sid: "UserPool",
      Effect: "Allow",
      Action: [
        "cognito-idp:ListUsers",
        "cognito-idp:AdminCreateUser",
        "cognito-idp:AdminSetUserPassword",
        "cognito-idp:AdminInitiateAuth",
        "cognito-idp:RespondToAuthChallenge",
      ],
      Resource: pool.arn,
    },
    appApi.statement,
  ]);
  return { document, notes };
}

/** Step 5b: who may assume the role. The document's empty Sid is dropped (IAM accepts it, but it says nothing). */
export function renderTrustPolicy(): PolicyDocument {
  return policy([
    {
      Effect: "Allow",
      Principal: { Service: ["apigateway.amazonaws.com", "events.amazonaws.com", "lambda.amazonaws.com"] },
      Action: "sts:AssumeRole",
    },
  ]);
}

/**
 * Step 5c: deny everything to sessions issued before `at`, the same document
 * the IAM console's "Revoke active sessions" attaches.
 */
export function renderRevokeSessionsPolicy(at: Date): PolicyDocument {
  if (Number.isNaN(at.getTime())) throw new Error("The revocation time is not a valid date.");
  return policy([
    {
      Effect: "Deny",
      Action: ["*"],
      Resource: ["*"],
      Condition: { DateLessThan: { "aws:TokenIssueTime": at.toISOString() } },
    },
  ]);
}

/** The corrections made to the setup document, for the UI. */
export function documentationFixes(): { step: string; text: string }[] {
  return [
    {
      step: "Step 4",
      text: "The Cognito statement hard-codes us-east-1 and builds the pool ARN as <region>_<pool id>. The console uses the real ARN of the pool created in step 4a.",
    },
    {
      step: "Steps 2 and 4",
      text: `execute-api:Invoke hard-codes us-east-1 and API ${DOCUMENT_API_ID}. The console derives the API id and region from the app's API URL, or leaves the statement out (with a note) when there is no execute-api URL.`,
    },
    {
      step: "Step 5",
      text: "The role is named <env>_tt_role, but the sample ARN says tanktower_role_<env>. The console uses <env>_tt_role.",
    },
    {
      step: "Steps 2 and 4",
      text: "The DynamoDB statements allow only the path_index index, so queries on time_index and geo_index would be denied. The console allows all three indexes of the data table.",
    },
    {
      step: "Step 3",
      text: "The document gives the data table no expiry. The console turns on its TTL on _ttl, which only the console's short-lived rows carry (idempotency keys of triggered runs, bulk re-run progress).",
    },
    {
      step: "Step 8",
      text: 'The default blueprints have quirks (version 0.0.1 with a 1.0.1 uri, a malformed _id in schd_runs, order "21" used twice in entities, boolean defaults on string fields). The console stores them verbatim, because the TankTower app reads them as they are.',
    },
  ];
}

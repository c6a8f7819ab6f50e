import "server-only";
import { randomInt } from "node:crypto";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { CreateEmailIdentityCommand } from "@aws-sdk/client-sesv2";
import { awsErrorCode, isAwsError } from "@/lib/aws/errors";
import { UpstreamDeniedError } from "@/lib/http/errors";
import { bucketNameProblems, generateBucketName } from "@/lib/provisioning/bucket";
import { readProvisioningRecord, updateProvisioningRecord } from "@/lib/provisioning/record";
import type { StepExecutor } from "@/lib/provisioning/steps/context";

const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join("");

/**
 * Free means nobody owns it: S3 answers 404. 200 exists already; 403 is either
 * someone else's bucket or a refusal of our own HeadBucket (s3:ListBucket).
 */
async function probeName(ctx: Parameters<StepExecutor>[0], Bucket: string): Promise<"free" | "taken" | "forbidden"> {
  try {
    await ctx.aws.s3.send(new HeadBucketCommand({ Bucket }));
    return "taken";
  } catch (err) {
    const code = awsErrorCode(err);
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (code === "NotFound" || code === "NoSuchBucket" || status === 404) return "free";
    if (status === 403) return "forbidden";
    if (status === 301) return "taken";
    throw err;
  }
}

/** Step 4b: a name `<env><8 random letters>`, valid and not taken; Zappa creates the bucket at deploy. */
export const chooseBucketName: StepExecutor = async (ctx) => {
  let forbidden = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const name = generateBucketName(ctx.env.name, letters);
    const problems = bucketNameProblems(name);
    if (problems.length) throw new Error(`${name} is not a valid bucket name: ${problems.join(" ")}`);
    const answer = await probeName(ctx, name);
    if (answer === "forbidden") forbidden++;
    if (answer !== "free") continue;
    // Written only if no name was chosen meanwhile, so a name never changes once recorded.
    await updateProvisioningRecord(ctx.env.name, { bucketName: name }, { onlyIfAbsent: true });
    const chosen = (await readProvisioningRecord(ctx.env.name)).bucketName ?? name;
    ctx.render = { ...ctx.render, bucketName: chosen };
    return;
  }
  // Five random names all refused is not bad luck: the credentials may not check bucket names.
  if (forbidden === 5) throw new UpstreamDeniedError("AWS refused to say whether five generated bucket names are free (403 on HeadBucket): the credentials need s3:ListBucket.");
  throw new Error("Five generated bucket names were all taken; try again.");
};

/** Step 7: ask SES to verify the sender; AWS emails it a link. */
export const requestEmailIdentity: StepExecutor = async (ctx) => {
  const sender = ctx.env.sesSender;
  if (!sender) throw new Error("the environment has no SES sender address");
  try {
    await ctx.aws.ses.send(new CreateEmailIdentityCommand({ EmailIdentity: sender }));
  } catch (err) {
    if (!isAwsError(err, "AlreadyExistsException")) throw err;
  }
};

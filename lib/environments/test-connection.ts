import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsErrorCode, toUpstreamError } from "@/lib/aws/errors";
import { AppError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import type { EnvironmentRecord } from "@/lib/environments/record";
import type { ConnectionResult } from "@/lib/environments/schema";

/** STS GetCallerIdentity with the environment's own credentials and endpoint. */
export async function testConnection(record: EnvironmentRecord): Promise<ConnectionResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const out = await clientsForEnvironment(record).sts.send(new GetCallerIdentityCommand({}));
    const accountId = out.Account ?? null;
    const warning =
      record.accountId && accountId && record.accountId !== accountId
        ? `These credentials reach account ${accountId}, but the environment records account ${record.accountId}.`
        : null;
    return { ok: true, accountId, arn: out.Arn ?? null, userId: out.UserId ?? null, latencyMs: elapsed(), error: null, warning };
  } catch (err) {
    const safe = err instanceof AppError ? err : toUpstreamError(err, "GetCallerIdentity");
    log.info("test connection failed", { environment: record.name, code: awsErrorCode(err), error: err });
    return {
      ok: false,
      accountId: null,
      arn: null,
      userId: null,
      latencyMs: elapsed(),
      error: { code: awsErrorCode(err) ?? safe.code, message: safe.message },
      warning: null,
    };
  }
}

import "server-only";
import { lookup } from "node:dns/promises";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsErrorCode, awsErrorKind } from "@/lib/aws/errors";
import { config } from "@/lib/config/env";
import { log } from "@/lib/log/logger";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import { endpointRefusal } from "@/lib/environments/endpoint-policy";
import type { EnvironmentRecord } from "@/lib/environments/record";
import type { ConnectionResult } from "@/lib/environments/schema";

/**
 * STS GetCallerIdentity with the environment's own credentials and endpoint.
 * What it reports back is deliberately coarse: an answer from AWS that names
 * a credentials or permission problem, or one generic "could not reach the
 * endpoint" for everything else (refused, timed out, not AWS), so the check
 * cannot be used to tell open ports from closed ones behind the console.
 */
export const UNREACHABLE = { code: "unreachable", message: "Could not reach the endpoint." } as const;

async function resolvedAddresses(endpoint: string): Promise<string[]> {
  try {
    const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, "");
    return (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return [];
  }
}

function failure(latencyMs: number, error: { code: string; message: string }): ConnectionResult {
  return { ok: false, accountId: null, arn: null, userId: null, latencyMs, error, warning: null };
}

export async function testConnection(record: EnvironmentRecord): Promise<ConnectionResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (record.endpoint) {
    // The name may resolve somewhere the URL itself does not say.
    const refusal = endpointRefusal(record.endpoint, config().mode, await resolvedAddresses(record.endpoint));
    if (refusal) return failure(elapsed(), { code: "endpoint_refused", message: refusal });
  }
  try {
    const out = await clientsForEnvironment(record).sts.send(new GetCallerIdentityCommand({}));
    // Something that is not STS can answer 200 with a body that parses to nothing.
    if (!out.Account || !out.Arn) {
      log.info("test connection got no identity", { environment: record.name });
      return failure(elapsed(), UNREACHABLE);
    }
    const accountId = out.Account;
    const warning =
      record.accountId && accountId && record.accountId !== accountId
        ? `These credentials reach account ${accountId}, but the environment records account ${record.accountId}.`
        : null;
    return { ok: true, accountId, arn: out.Arn, userId: out.UserId ?? null, latencyMs: elapsed(), error: null, warning };
  } catch (err) {
    const code = awsErrorCode(err);
    log.info("test connection failed", { environment: record.name, code, error: err });
    const kind = awsErrorKind(err);
    if (kind === "credentials") return failure(elapsed(), { code: code ?? "credentials", message: `AWS did not accept these credentials (${code}).` });
    if (kind === "denied") return failure(elapsed(), { code: code ?? "denied", message: `AWS refused GetCallerIdentity (${code}).` });
    return failure(elapsed(), UNREACHABLE);
  }
}

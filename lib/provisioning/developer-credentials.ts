import type { EnvironmentRecord } from "@/lib/environments/record";

/** Step 9: what a developer puts in ~/.aws for this environment. Never contains a secret. */
export function developerCredentialsSnippet(env: Pick<EnvironmentRecord, "name" | "region" | "credentials">): string {
  const keyId = env.credentials.type === "keys" ? `<reveal it in the console: …${env.credentials.accessKeyId.slice(-4)}>` : "<your access key id>";
  return [
    `aws configure --profile ${env.name}`,
    "",
    "# or add to ~/.aws/credentials:",
    `[${env.name}]`,
    `aws_access_key_id = ${keyId}`,
    `aws_secret_access_key = <reveal it in the console, or use your own>`,
    "",
    "# and to ~/.aws/config:",
    `[profile ${env.name}]`,
    `region = ${env.region}`,
  ].join("\n");
}

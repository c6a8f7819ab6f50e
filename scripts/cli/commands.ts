import os from "node:os";
import { parseArgs } from "node:util";
import { audited, recordAudit } from "@/lib/audit/record";
import { initConsole } from "@/lib/auth/console-init";
import { revokeSessionsOfEmail } from "@/lib/auth/session-store";
import { config } from "@/lib/config/env";
import { ValidationError } from "@/lib/http/errors";
import { fromZodError } from "@/lib/http/respond";
import { listEnvironments } from "@/lib/environments/read";
import { toView } from "@/lib/environments/record";
import { ensureSandboxEnvironment, SANDBOX_ENVIRONMENT, SANDBOX_OPERATOR_NAME } from "@/lib/environments/sandbox";
import { provisionSandbox } from "@/lib/provisioning/sandbox";
import { seedSandboxExamples } from "@/lib/documents/sandbox-examples";
import { seedSandboxPeople } from "@/lib/entities/sandbox-people";
import { environmentCreateSchema, type CredentialsInput } from "@/lib/environments/schema";
import { createEnvironment, removeEnvironment } from "@/lib/environments/write";
import { resealRegistrySecrets } from "@/lib/environments/reseal";
import { readStdin, table } from "./format";
import { makeProvisioningCommands } from "./provisioning-commands";
import { makeInviteCommands } from "./invite-commands";
import { makeJobCommands } from "./job-commands";

export type CommandResult = { text: string; data: unknown; exitCode?: number };
export type Command = { name: string; help: string; run: (args: string[]) => Promise<CommandResult> };

const actor = () => `cli:${os.userInfo().username}`;

const envList: Command = {
  name: "env list",
  help: "env list [--json]                      List registered environments",
  async run() {
    const items = (await listEnvironments()).map(toView);
    const text = items.length
      ? table(["NAME", "REGION", "ACCOUNT", "CREDENTIALS", "UPDATED"], items.map((e) => [e.name, e.region, e.accountId ?? "-", e.credentials.type, e.updatedAt]))
      : "No environments. Add one with: npm run tt -- env add <name> --region <region>";
    return { text, data: { items } };
  },
};

async function credentialsFrom(values: Record<string, string | boolean | undefined>): Promise<CredentialsInput> {
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  if (str("profile")) return { type: "profile", profile: str("profile") ?? "" };
  if (str("role-arn")) return { type: "assume-role", roleArn: str("role-arn") ?? "", externalId: str("external-id") };
  if (str("access-key-id")) {
    if (!values["secret-from-stdin"]) throw ValidationError.forField("credentials.secretAccessKey", "Pass --secret-from-stdin and pipe the secret access key in (it never goes on the command line).");
    return { type: "keys", accessKeyId: str("access-key-id") ?? "", secretAccessKey: (await readStdin()).trim() };
  }
  return { type: "default" };
}

const envAdd: Command = {
  name: "env add",
  help: "env add <name> --region R [--account-id N] [--profile P | --role-arn A [--external-id X] | --access-key-id K --secret-from-stdin] [--endpoint URL] [--app-api-url URL] [--ses-sender EMAIL] [--description TEXT] [--json]",
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        region: { type: "string" }, "account-id": { type: "string" }, profile: { type: "string" },
        "role-arn": { type: "string" }, "external-id": { type: "string" }, "access-key-id": { type: "string" },
        "secret-from-stdin": { type: "boolean" }, endpoint: { type: "string" }, "app-api-url": { type: "string" },
        "ses-sender": { type: "string" }, description: { type: "string" },
      },
    });
    const parsed = environmentCreateSchema.safeParse({
      name: positionals[0] ?? "",
      region: values.region ?? config().homeRegion,
      accountId: values["account-id"],
      credentials: await credentialsFrom(values),
      endpoint: values.endpoint,
      appApiUrl: values["app-api-url"],
      sesSender: values["ses-sender"],
      description: values.description,
    });
    if (!parsed.success) throw fromZodError(parsed.error, "environment");
    const input = parsed.data;
    const record = await audited({ actor: actor(), action: "environment.create", environment: input.name, target: input.name }, () =>
      createEnvironment(input, actor()),
    );
    return { text: `Added environment ${record.name} (${record.region}).`, data: toView(record) };
  },
};

const envRemove: Command = {
  name: "env remove",
  help: "env remove <name> --yes [--json]        Remove from the registry (AWS resources are left alone)",
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { yes: { type: "boolean" } } });
    const name = positionals[0];
    if (!name) throw ValidationError.forField("name", "Name the environment to remove.");
    if (!values.yes) throw ValidationError.forField("yes", `Add --yes to confirm removing ${name} from the registry.`);
    await audited({ actor: actor(), action: "environment.delete", environment: name, target: name }, () => removeEnvironment(name));
    return { text: `Removed environment ${name} from the registry.`, data: { removed: name } };
  },
};

const consoleInit: Command = {
  name: "console init",
  help: "console init --admin-email EMAIL [--admin-name NAME] [--json]  Create the console's user pool, app client, operators group and first operator",
  async run(args) {
    const { values } = parseArgs({ args, options: { "admin-email": { type: "string" }, "admin-name": { type: "string" } } });
    const email = values["admin-email"];
    if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw ValidationError.forField("admin-email", "Pass --admin-email with the first operator's email address.");
    const name = values["admin-name"]?.trim();
    if (name !== undefined && (name.length === 0 || name.length > 128)) throw ValidationError.forField("admin-name", "Give the operator's name in 1 to 128 characters, or leave --admin-name out.");
    const result = await audited({ actor: actor(), action: "console.init", target: email }, () => initConsole({ adminEmail: email, ...(name ? { adminName: name } : {}) }));
    const text = [
      `Console user pool ${result.userPoolId}, app client ${result.clientId}.`,
      result.created.length ? `Created: ${result.created.join(", ")}.` : "Everything already existed.",
      `${email} receives an email from Cognito with a temporary password; the console asks for a new one at first sign-in.`,
    ].join("\n");
    return { text, data: result };
  },
};

const consoleEndSessions: Command = {
  name: "console end-sessions",
  help: "console end-sessions --email EMAIL [--json]  End every open console session of that user, on every replica (e.g. when deactivating them)",
  async run(args) {
    const { values } = parseArgs({ args, options: { email: { type: "string" } } });
    const email = values.email;
    if (!email) throw ValidationError.forField("email", "Pass --email with the console user's sign-in address.");
    const result = await audited({ actor: actor(), action: "console.end-sessions", target: email }, () => revokeSessionsOfEmail(email));
    return { text: `Ended ${result.ended} session${result.ended === 1 ? "" : "s"} of ${email}.`, data: result };
  },
};

const sandboxInit: Command = {
  name: "sandbox init",
  help: "sandbox init [--json]                  (npm run dev does this) Console sign-in and the sandbox environment on the emulator",
  async run() {
    const { email, password } = config().sandboxOperator;
    const who = "system:sandbox";
    const result = await audited({ actor: who, action: "console.init", target: email }, () =>
      initConsole({ adminEmail: email, adminName: SANDBOX_OPERATOR_NAME, permanentPassword: password }),
    );
    const sandbox = await ensureSandboxEnvironment(who);
    if (sandbox.created) await recordAudit({ actor: who, action: "environment.create", environment: SANDBOX_ENVIRONMENT, target: SANDBOX_ENVIRONMENT }, "success");
    const provisioned = await provisionSandbox(who);
    const examples = await seedSandboxExamples(who);
    const people = await seedSandboxPeople(who);
    const lines = [
      result.created.length ? `Created ${result.created.join(", ")}.` : "Console sign-in ready.",
      sandbox.created ? `Registered the ${SANDBOX_ENVIRONMENT} environment.` : `The ${SANDBOX_ENVIRONMENT} environment is registered.`,
      provisioned.changes ? `Provisioned it (${provisioned.changes} changes).` : "It is fully provisioned.",
      examples.blueprints || examples.documents ? `Added ${examples.blueprints} example blueprints and ${examples.documents} example documents.` : "Its example blueprints and documents are in place.",
      people.users || people.groups ? `Invited ${people.users} example users and added ${people.groups} example teams, orgs and portfolios (${people.memberships} memberships).` : "Its example people and teams are in place.",
      ...(people.failedInvites.length ? [`Some example invites failed (${people.failedInvites.join(", ")}); retry them on the Invites page.`] : []),
    ];
    return { text: lines.join("\n"), data: { ...result, sandboxEnvironmentCreated: sandbox.created, provisioningChanges: provisioned.changes, examples, people } };
  },
};

const secretsReseal: Command = {
  name: "secrets reseal",
  help: "secrets reseal [--json]                 After rotating TT_CONSOLE_SECRET (with TT_CONSOLE_SECRET_PREVIOUS set): seal stored access keys with the new secret",
  async run() {
    const result = await audited({ actor: actor(), action: "secrets.reseal", target: "registry" }, () => resealRegistrySecrets(actor()));
    const lines = [
      `Re-sealed: ${result.resealed.join(", ") || "none"}.`,
      `Already sealed with the current secret: ${result.current.join(", ") || "none"}.`,
      ...(result.changedMeanwhile.length ? [`Changed by someone meanwhile (run again): ${result.changedMeanwhile.join(", ")}.`] : []),
      ...(result.unreadable.length ? [`Opened by neither secret (enter their access keys again): ${result.unreadable.join(", ")}.`] : []),
    ];
    const done = result.changedMeanwhile.length === 0 && result.unreadable.length === 0;
    if (done) lines.push("TT_CONSOLE_SECRET_PREVIOUS can be removed once every server runs with the new secret.");
    return { text: lines.join("\n"), data: result, exitCode: done ? 0 : 1 };
  },
};

export const commands: Command[] = [envList, envAdd, envRemove, consoleInit, consoleEndSessions, sandboxInit, secretsReseal, ...makeProvisioningCommands(actor), ...makeInviteCommands(actor), ...makeJobCommands(actor)];

export function usage(): string {
  return `Usage: npm run tt -- <command> [options]\n\n${commands.map((c) => `  ${c.help}`).join("\n")}\n\nEvery command takes --json for machine-readable output.\n`;
}

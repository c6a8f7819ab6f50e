import { isDeepStrictEqual } from "node:util";
import type { ChecklistRow, StepId, StepStatus } from "@/lib/provisioning/model";
import { awsConsole } from "@/lib/provisioning/console-links";
import { renderTankInlinePolicy, renderTrustPolicy, renderTtPolicy } from "@/lib/provisioning/policies";
import { comparePolicies, renderDiff } from "@/lib/provisioning/policy-diff";
import type { Probe } from "@/lib/provisioning/probe";
import { valueOf } from "@/lib/provisioning/probe";
import type { EnvironmentState } from "@/lib/provisioning/read-state";
import { renderContextOf } from "@/lib/provisioning/render-context";
import { installerInstructions, missingFlows, unexpectedRequiredAttributes } from "@/lib/provisioning/rules";
import { compareExpiry, compareTable, tableSpecs } from "@/lib/provisioning/tables";
import { DEFAULT_BLUEPRINTS } from "@/lib/provisioning/default-blueprints";
import { developerCredentialsSnippet } from "@/lib/provisioning/developer-credentials";

/**
 * The checklist: one row per step of the setup document, computed from what
 * was read (lib/provisioning/read-state.ts). Pure.
 */
type Row = Omit<ChecklistRow, "details" | "diff" | "links" | "blockedBy" | "manual" | "copyText"> & Partial<ChecklistRow>;

function row(r: Row): ChecklistRow {
  return { details: [], diff: [], links: [], blockedBy: null, manual: null, copyText: null, ...r };
}

/** A read that did not succeed, as a row; undefined when the read found the resource. */
function unreadable(id: StepId, title: string, p: Probe<unknown>, what: string): ChecklistRow | undefined {
  if (p.ok) return undefined;
  if (p.reason === "denied") {
    return row({ id, title, status: "blocked", summary: `The console's credentials may not read ${what}.`, blockedBy: p.action });
  }
  if (p.reason === "error") {
    return row({ id, title, status: "blocked", summary: `AWS answered ${p.code} when reading ${what}.`, blockedBy: null });
  }
  return undefined;
}

function installerRow(s: EnvironmentState): ChecklistRow {
  const title = "Installer identity";
  const failed = unreadable("1", title, s.identity, "its own identity") ?? unreadable("1", title, s.installer, "the installer's policies");
  if (failed) return failed;
  const id = valueOf(s.identity);
  const who = valueOf(s.installer);
  if (!id || !who) return row({ id: "1", title, status: "blocked", summary: "The console could not tell who its credentials are." });
  const links = who.kind === "user" ? [awsConsole.user(who.name)] : who.kind === "role" ? [awsConsole.role(who.name)] : [];
  if (who.admin) {
    return row({ id: "1", title, status: "done", summary: `${id.arn} holds AdministratorAccess (${who.via.join(", ")}).`, links, details: [`Account ${id.account}`] });
  }
  return row({
    id: "1",
    title,
    status: "manual",
    summary: `${id.arn} does not hold AdministratorAccess.`,
    manual: "Ask the account's administrator to create an installer with AdministratorAccess (the commands below), or let the console create one if its credentials may.",
    copyText: installerInstructions(s.env.name, s.names.installerGroupName, s.names.installerUserName, id.arn.split(":")[1]),
    links,
  });
}

function policyRow(id: StepId, title: string, p: Probe<unknown>, desired: ReturnType<typeof renderTtPolicy>, what: string): ChecklistRow {
  const failed = unreadable(id, title, p, what);
  if (failed) return { ...failed, details: desired.notes };
  if (!p.ok) return row({ id, title, status: "missing", summary: `${what} does not exist yet.`, details: desired.notes });
  const cmp = comparePolicies(desired.document, p.value);
  return cmp.equal
    ? row({ id, title, status: "done", summary: `${what} matches the setup document (with its fixes).`, details: desired.notes })
    : row({ id, title, status: "drifted", summary: `${what} differs from what the console expects; applying writes the expected one.`, diff: renderDiff(cmp), details: desired.notes });
}

function inlinePolicyRow(s: EnvironmentState): ChecklistRow {
  const title = "Tank inline policy";
  const who = valueOf(s.installer);
  if (!who || who.kind === "other") {
    return row({ id: "2", title, status: "manual", summary: "Needs an installer IAM user or role (step 1) to put the policy on.", manual: "Complete step 1 first." });
  }
  const r = policyRow("2", title, s.inlinePolicy, renderTankInlinePolicy(renderContextOf(s)), `The inline policy ${s.names.inlinePolicyName} on ${who.kind} ${who.name}`);
  return { ...r, links: [who.kind === "user" ? awsConsole.user(who.name) : awsConsole.role(who.name)] };
}

function tablesRow(s: EnvironmentState): ChecklistRow {
  const title = "The four tables";
  const specs = tableSpecs(s.names.tables);
  const keys = ["blueprints", "data", "entities", "rel"] as const;
  const details: string[] = [];
  const statuses: StepStatus[] = [];
  let blockedBy: string | null = null;
  specs.forEach((spec, i) => {
    const key = keys[i] ?? "blueprints";
    const p = s.tables[key];
    if (!p.ok && p.reason !== "missing") {
      statuses.push("blocked");
      blockedBy = p.reason === "denied" ? p.action : blockedBy;
      details.push(`${spec.TableName}: could not be read${p.reason === "error" ? ` (${p.code})` : ""}.`);
      return;
    }
    const cmp = compareTable(spec, p.ok ? p.value : undefined);
    statuses.push(cmp.status);
    details.push(cmp.status === "done" ? `${spec.TableName}: keys and indexes as the document.` : cmp.status === "missing" ? `${spec.TableName}: missing.` : `${spec.TableName}: ${cmp.problems.join(" ")}`);
  });
  const tablesToCreate = statuses.filter((x) => x === "missing").length;
  const expiry = expiryState(s);
  if (expiry.detail) details.push(expiry.detail);
  if (expiry.status === "blocked") {
    statuses.push("blocked");
    blockedBy = expiry.blockedBy ?? blockedBy;
  }
  if (expiry.status === "missing") statuses.push("missing");
  const status: StepStatus = statuses.includes("blocked") ? "blocked" : statuses.includes("drifted") ? "drifted" : statuses.includes("missing") ? "missing" : "done";
  const toDo = [tablesToCreate > 0 ? `${tablesToCreate} of 4 tables to create` : "", expiry.status === "missing" ? `expiry (TTL) on ${s.names.tables.data} to turn on` : ""].filter(Boolean);
  const summary =
    status === "done" ? "All four tables have the document's keys, indexes and projections, and the data table's expiry."
    : status === "drifted" ? "A table differs from the document and cannot be changed in place; the console will not delete it."
    : status === "missing" ? `${toDo.join("; ").replace(/^./, (c) => c.toUpperCase())}.`
    : "Some tables could not be read.";
  return row({ id: "3", title, status, summary, details, blockedBy, links: specs.map((t) => awsConsole.table(s.env.region, t.TableName)) });
}

/** The data table's expiry (TTL), part of step 3: nothing to say while the table itself is missing. */
function expiryState(s: EnvironmentState): { status: "done" | "missing" | "blocked" | "none"; detail?: string; blockedBy?: string } {
  const table = s.names.tables.data;
  if (!s.tables.data.ok) return { status: s.tables.data.reason === "missing" ? "missing" : "none" };
  const p = s.dataExpiry;
  if (!p.ok) {
    if (p.reason === "missing") return { status: "missing", detail: compareExpiry(table, undefined).detail };
    return { status: "blocked", detail: `${table}: its expiry (TTL) could not be read${p.reason === "error" ? ` (${p.code})` : ""}.`, blockedBy: p.reason === "denied" ? p.action : undefined };
  }
  const cmp = compareExpiry(table, p.value);
  // Another TTL attribute is the owner's choice (a table has one): reported, left as it is.
  return { status: cmp.status === "missing" ? "missing" : "done", detail: cmp.detail };
}

function poolRow(s: EnvironmentState): ChecklistRow {
  const title = "User pool and app client";
  const failed = unreadable("4a", title, s.pool, "Cognito user pools") ?? unreadable("4a", title, s.client, "the app client");
  if (failed) return failed;
  const pool = valueOf(s.pool);
  if (!pool) return row({ id: "4a", title, status: "missing", summary: `User pool ${s.names.userPoolName} and its app client do not exist yet.` });
  const links = [awsConsole.pool(s.env.region, pool.id)];
  const details = [`Pool id ${pool.id}`, `ARN ${pool.arn}`];
  const problems: string[] = [];
  if (pool.usernameAttributes.length !== 1 || pool.usernameAttributes[0] !== "email") {
    problems.push(`Sign-in identifiers are [${pool.usernameAttributes.join(", ") || "username"}], not email only; Cognito cannot change them after creation.`);
  }
  const required = unexpectedRequiredAttributes(pool.requiredAttributes);
  if (required.length) problems.push(`Required sign-up attributes: ${required.join(", ")} (the document requires none); Cognito cannot change this after creation.`);
  const client = valueOf(s.client);
  if (!client) {
    return row({ id: "4a", title, status: problems.length ? "drifted" : "missing", summary: `App client ${s.names.appClientName} does not exist yet.`, details: [...details, ...problems], links });
  }
  details.push(`App client ${client.id}`);
  if (!client.hasSecret) problems.push("The app client has no secret; a secret cannot be added later, so a new client is needed (the console will not replace it).");
  const flows = missingFlows(client.flows);
  const diff = flows.map((f) => `+ auth flow ${f}`);
  if (problems.length || diff.length) {
    return row({ id: "4a", title, status: "drifted", summary: diff.length && !problems.length ? "The app client lacks auth flows; applying adds them." : "The pool or client differs from the document.", details: [...details, ...problems], diff, links });
  }
  return row({ id: "4a", title, status: "done", summary: `Pool ${pool.id} with email sign-in; app client ${client.id} with a secret and the document's flows.`, details, links });
}

function bucketRow(s: EnvironmentState): ChecklistRow {
  const title = "Bucket name";
  const name = s.record.bucketName;
  return name
    ? row({ id: "4b", title, status: "done", summary: `${name} (Zappa creates the bucket at deploy).` })
    : row({ id: "4b", title, status: "missing", summary: `A name <${s.env.name}><8 random letters> is chosen and checked not taken when applying.` });
}

function roleRows(s: EnvironmentState, policyArn: string | undefined): ChecklistRow[] {
  const failed = unreadable("5", "Lambda role", s.role, `the role ${s.names.roleName}`);
  const role = valueOf(s.role);
  const links = [awsConsole.role(s.names.roleName)];
  const r5 = failed ?? (!role
    ? row({ id: "5", title: "Lambda role", status: "missing", summary: `${s.names.roleName} does not exist yet.` })
    : policyArn && !role.attached.includes(policyArn)
      ? row({ id: "5", title: "Lambda role", status: "drifted", summary: `${s.names.roleName} exists but ${s.names.policyName} is not attached.`, diff: [`+ attached policy ${s.names.policyName}`], links })
      : row({ id: "5", title: "Lambda role", status: "done", summary: `${role.arn} with ${s.names.policyName} attached.`, links }));
  const trustTitle = "Trust policy";
  const r5b = !role
    ? row({ id: "5b", title: trustTitle, status: failed ? "blocked" : "missing", summary: "Set when the role is created." })
    : (() => {
        const cmp = comparePolicies(renderTrustPolicy(), role.trust);
        return cmp.equal
          ? row({ id: "5b", title: trustTitle, status: "done", summary: "apigateway, events and lambda may assume the role.", links })
          : row({ id: "5b", title: trustTitle, status: "drifted", summary: "The trust policy differs; applying updates it.", diff: renderDiff(cmp), links });
      })();
  const revokedAt = s.record.sessionsRevokedAt;
  const r5c = !role
    ? row({ id: "5c", title: "Revoke sessions", status: "manual", summary: "Available once the role exists." })
    : row({ id: "5c", title: "Revoke sessions", status: "done", summary: revokedAt ? `Sessions issued before ${revokedAt} were revoked.` : "Sessions have never been revoked. Use the button to cut off every session issued so far.", links });
  return [r5, r5b, r5c];
}

function zappaRow(s: EnvironmentState): ChecklistRow {
  const ready = valueOf(s.role) && s.record.bucketName && valueOf(s.pool) && valueOf(s.client);
  return ready
    ? row({ id: "6", title: "zappa_settings.json", status: "done", summary: "Generated from the role, bucket, pool and client: copy or download it." })
    : row({ id: "6", title: "zappa_settings.json", status: "missing", summary: "Generated once steps 4a, 4b and 5 are done." });
}

function emailRow(s: EnvironmentState): ChecklistRow {
  const title = "SES sender identity";
  const e = s.email;
  if (!e.ok && e.reason === "not-configured") {
    return row({ id: "7", title, status: "manual", summary: "No SES sender address is set for this environment.", manual: "Set the SES sender address (e.g. no-reply@your-domain) in the environment's settings." });
  }
  const failed = unreadable("7", title, e as Probe<unknown>, "SES identities");
  if (failed) return failed;
  const sender = s.env.sesSender ?? "";
  const links = [awsConsole.identity(s.env.region, sender)];
  if (!e.ok) return row({ id: "7", title, status: "missing", summary: `${sender} is not an SES identity yet; applying requests verification.` });
  return e.value.verified
    ? row({ id: "7", title, status: "done", summary: `${sender} is verified for sending.`, links })
    : row({ id: "7", title, status: "manual", summary: `${sender} is waiting for verification (${e.value.status}).`, manual: `Open the verification email AWS sent to ${sender} and follow its link.`, links });
}

function blueprintsRow(s: EnvironmentState): ChecklistRow {
  const title = "Default blueprints";
  const failed = unreadable("8", title, s.blueprints, "the blueprints table");
  if (failed) return failed;
  const stored = valueOf(s.blueprints);
  if (!stored) return row({ id: "8", title, status: "missing", summary: "Stored once the blueprints table exists." });
  const details: string[] = [];
  let missing = 0;
  let differs = 0;
  for (const b of DEFAULT_BLUEPRINTS) {
    const found = stored.find((x) => x.irn === b.irn && x.version === b.version)?.stored;
    if (!found) {
      missing++;
      details.push(`${b.irn} ${b.version}: missing.`);
    } else if (!isDeepStrictEqual(found, b.document)) {
      differs++;
      details.push(`${b.irn} ${b.version}: a different document is stored at this version; the console never overwrites a version.`);
    } else {
      details.push(`${b.irn} ${b.version}: stored verbatim.`);
    }
  }
  const status: StepStatus = differs ? "drifted" : missing ? "missing" : "done";
  return row({ id: "8", title, status, summary: status === "done" ? "The three default blueprints are stored." : status === "missing" ? `${missing} of 3 to store.` : "A stored blueprint differs from the default.", details });
}

function developerRow(s: EnvironmentState): ChecklistRow {
  const snippet = developerCredentialsSnippet(s.env);
  return s.env.credentials.type === "keys"
    ? row({ id: "9", title: "Developer credentials", status: "done", summary: "The profile snippet for ~/.aws is ready; the secret is shown only when you reveal it.", copyText: snippet })
    : row({ id: "9", title: "Developer credentials", status: "manual", summary: "Developers configure their own profile for this account.", manual: "Run the snippet with the developer's own access key.", copyText: snippet });
}

export function computeChecklist(s: EnvironmentState): ChecklistRow[] {
  const ctx = renderContextOf(s);
  const policy = valueOf(s.policy);
  const policyTitle = `App policy ${s.names.policyName}`;
  const policyDocument: Probe<unknown> = s.policy.ok ? { ok: true, value: s.policy.value.document } : s.policy;
  const r4 = { ...policyRow("4", policyTitle, policyDocument, renderTtPolicy(ctx), `The policy ${s.names.policyName}`), links: policy ? [awsConsole.policy(policy.arn, s.names.policyName)] : [] };
  return [
    installerRow(s),
    inlinePolicyRow(s),
    tablesRow(s),
    poolRow(s),
    bucketRow(s),
    r4,
    ...roleRows(s, policy?.arn),
    zappaRow(s),
    emailRow(s),
    blueprintsRow(s),
    developerRow(s),
  ];
}

import { z } from "zod";
import { MAX_REVISION } from "@/lib/http/revision";

/**
 * Environment schemas, shared by the forms (zodResolver), the API routes,
 * the CLI and the OpenAPI document. Isomorphic.
 */
export const ENV_NAME_PATTERN = /^[a-z][a-z0-9-]{2,23}$/;

export const ENV_NAME_RULE =
  "Use 3–24 characters: a lowercase letter, then lowercase letters, digits or hyphens. The name becomes part of DynamoDB table names, IAM names, the Cognito pool name and an S3 bucket prefix, so nothing else is allowed.";

export const envNameSchema = z
  .string({ error: "Name is required." })
  .trim()
  .min(1, "Name is required.")
  .regex(ENV_NAME_PATTERN, ENV_NAME_RULE);

export const regionSchema = z
  .string({ error: "Region is required." })
  .trim()
  .min(1, "Region is required.")
  .regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, "Use an AWS region code such as us-east-1 or eu-west-3.");

/** Optional text: forms send "" for an empty field, API clients may omit it; both mean "not set". */
const optionalText = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
    .pipe(schema.optional());

/**
 * A whole number of capacity units from 1 to 1000; forms send text ("" for
 * "use the default"), API clients a number. Both shapes carry their bounds in
 * the schema itself, so the OpenAPI document says exactly what is accepted.
 */
const CAPACITY_TEXT = /^\s*(?:[1-9]\d{0,2}|1000)?\s*$/;
function optionalCapacity(label: string) {
  const bounds = `${label} must be a whole number from 1 to 1000 (raise it in AWS if you need more).`;
  return z
    .union(
      [
        z.string().regex(CAPACITY_TEXT, bounds),
        z.number().int(`${label} must be a whole number.`).min(1, `${label} is at least 1.`).max(1000, `${label} is at most 1000 here; raise it in AWS if you need more.`),
      ],
      { error: bounds },
    )
    .optional()
    .transform((v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? undefined : Number(v)))
    .pipe(z.number().optional());
}

/** BCP 47 tags as most people write them: en, fr, pt-BR, zh-Hant. */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * Languages of multilingual document fields, the first being the default.
 * Forms send "en, fr"; API clients may send a list; empty means the default ["en"].
 */
const languagesSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => {
    const list = (typeof v === "string" ? v.split(",") : (v ?? [])).map((s) => s.trim()).filter(Boolean);
    return list.length ? [...new Set(list)] : undefined;
  })
  .pipe(
    z
      .array(z.string())
      .max(20, "At most 20 languages.")
      .optional()
      // One message on the field itself (the form edits the list as one text input).
      .superRefine((list, ctx) => {
        const bad = (list ?? []).filter((code) => !LANGUAGE_PATTERN.test(code));
        if (bad.length) ctx.addIssue({ code: "custom", message: `Not a language code: ${bad.join(", ")}. Use codes such as en, fr or pt-BR, separated by commas.` });
      }),
  );
/** An http(s) URL; `file:`, `javascript:` and the like are refused here, metadata addresses by the server. */
const httpUrl = (example: string) =>
  z.url({ protocol: /^https?$/, error: `Use a full http(s) URL such as ${example}.` }).max(512);

export const accountIdSchema = z.string().regex(/^\d{12}$/, "An AWS account id is 12 digits.");

export const credentialsInputSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("default") }),
    z.object({
      type: z.literal("profile"),
      profile: z.string().trim().min(1, "Profile name is required.").max(64).regex(/^[\w.+@-]+$/, "Profile names use letters, digits and . _ + @ -"),
    }),
    z.object({
      type: z.literal("keys"),
      accessKeyId: z.string().trim().regex(/^(AKIA|ASIA)[A-Z0-9]{12,124}$/, "An access key id starts with AKIA or ASIA, then capital letters and digits."),
      /** Optional on update: left empty, the stored secret is kept (same key id only). */
      secretAccessKey: optionalText(z.string().min(16, "The secret access key looks too short.").max(128)),
    }),
    z.object({
      type: z.literal("assume-role"),
      roleArn: z.string().trim().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "Use a role ARN such as arn:aws:iam::123456789012:role/TankTowerInstaller."),
      externalId: optionalText(z.string().min(2, "The external id needs at least 2 characters.").max(1224).regex(/^[\w+=,.@:/-]+$/, "The external id uses letters, digits and + = , . @ : / -")),
    }),
  ],
  { error: "Choose how the console gets credentials for this account." },
);
export type CredentialsInput = z.infer<typeof credentialsInputSchema>;

/** On update, credentials may also be left as they are (the form cannot show a stored secret). */
export const credentialsUpdateSchema = z.union([z.object({ type: z.literal("unchanged") }), credentialsInputSchema], {
  error: "Choose how the console gets credentials for this account.",
});
export type CredentialsUpdate = z.infer<typeof credentialsUpdateSchema>;
export type CredentialsUpdateInput = z.input<typeof credentialsUpdateSchema>;

const environmentFields = {
  region: regionSchema,
  accountId: optionalText(accountIdSchema),
  credentials: credentialsInputSchema,
  endpoint: optionalText(httpUrl("http://127.0.0.1:4566")),
  appApiUrl: optionalText(httpUrl("https://abc123.execute-api.us-east-1.amazonaws.com/prod")),
  /** The app's Lambda function: the target of job schedules (EventBridge rules). */
  appFunctionArn: optionalText(z.string().regex(/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]{1,64}(:[\w$-]+)?$/, "Use a Lambda function ARN such as arn:aws:lambda:us-east-1:123456789012:function:tanktower-app.")),
  sesSender: optionalText(z.email({ error: "Use an email address such as no-reply@example.com." }).max(254)),
  description: optionalText(z.string().max(500, "Keep the description under 500 characters.")),
  /** Step 3: provisioned capacity of each table and index; 1 stays within the free tier. */
  readCapacity: optionalCapacity("Read capacity"),
  writeCapacity: optionalCapacity("Write capacity"),
  languages: languagesSchema,
};

export const environmentCreateSchema = z
  .object({ name: envNameSchema, ...environmentFields })
  .superRefine((value, ctx) => {
    if (value.credentials.type === "keys" && !value.credentials.secretAccessKey) {
      ctx.addIssue({ code: "custom", path: ["credentials", "secretAccessKey"], message: "The secret access key is required." });
    }
  });
export type EnvironmentCreateInput = z.input<typeof environmentCreateSchema>;
export type EnvironmentCreate = z.output<typeof environmentCreateSchema>;

/**
 * On update, a field that is absent stays as it is; `null` (or "" from a form)
 * clears it.
 */
function clearable<T extends z.ZodType>(field: T) {
  return z.union([z.null(), z.literal("")]).transform(() => null).or(field).optional();
}

/**
 * PATCH is a partial update: only the fields present change. `version` (the
 * one you read) is required; a stale one is a 409.
 */
export const environmentUpdateSchema = z.object({
  region: environmentFields.region.optional(),
  accountId: clearable(environmentFields.accountId),
  credentials: credentialsUpdateSchema.optional(),
  endpoint: clearable(environmentFields.endpoint),
  appApiUrl: clearable(environmentFields.appApiUrl),
  appFunctionArn: clearable(environmentFields.appFunctionArn),
  sesSender: clearable(environmentFields.sesSender),
  description: clearable(environmentFields.description),
  readCapacity: clearable(environmentFields.readCapacity),
  writeCapacity: clearable(environmentFields.writeCapacity),
  /** Absent or empty keeps the current languages. */
  languages: environmentFields.languages,
  version: z.number({ error: "version is required (the version you edited)." }).int().min(1).max(MAX_REVISION),
});
export type EnvironmentUpdateInput = z.input<typeof environmentUpdateSchema>;
export type EnvironmentUpdate = z.output<typeof environmentUpdateSchema>;

/** Credentials as the API shows them: never a secret, only the key id's last four characters. */
export const credentialsViewSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("default") }),
  z.object({ type: z.literal("profile"), profile: z.string() }),
  z.object({ type: z.literal("keys"), accessKeyIdLast4: z.string(), hasSecret: z.boolean() }),
  z.object({ type: z.literal("assume-role"), roleArn: z.string(), externalId: z.string().nullable() }),
  // What environment admins and viewers see: how the console reaches AWS is the operators' business.
  z.object({ type: z.literal("hidden") }),
]);
export type CredentialsView = z.infer<typeof credentialsViewSchema>;

export const environmentSchema = z.object({
  name: z.string(),
  region: z.string(),
  accountId: z.string().nullable(),
  credentials: credentialsViewSchema,
  endpoint: z.string().nullable(),
  appApiUrl: z.string().nullable(),
  appFunctionArn: z.string().nullable().default(null),
  sesSender: z.string().nullable(),
  description: z.string().nullable(),
  readCapacity: z.number().nullable(),
  writeCapacity: z.number().nullable(),
  /** Languages of multilingual fields, first is the default (["en"] unless set). */
  languages: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: z.number().int(),
});
export type Environment = z.infer<typeof environmentSchema>;

export const environmentListSchema = z.object({ items: z.array(environmentSchema) });

/** A name in a path is taken as it is: "sandbox " is not "sandbox" (no trimming, unlike form input). */
export const envParamSchema = z.string().regex(ENV_NAME_PATTERN, ENV_NAME_RULE);
export const envParamsSchema = z.object({ env: envParamSchema });

export const deleteQuerySchema = z.object({
  version: z.coerce.number().int().min(1).max(MAX_REVISION).optional().describe("Refuse with 409 if the environment changed since this version"),
});

export const connectionResultSchema = z.object({
  ok: z.boolean(),
  accountId: z.string().nullable(),
  arn: z.string().nullable(),
  userId: z.string().nullable(),
  latencyMs: z.number(),
  /** Set when the call failed: a safe explanation, never a raw AWS message. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Set when the account differs from the one recorded for the environment. */
  warning: z.string().nullable(),
});
export type ConnectionResult = z.infer<typeof connectionResultSchema>;

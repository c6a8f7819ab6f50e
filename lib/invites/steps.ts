/**
 * The invite step machine, pure. An invite goes entity → cognito → email;
 * each step's outcome is recorded on the invite, a failure stops the run and
 * a retry resumes from the first step not done. Resend repeats only `email`
 * (with a new temporary password).
 */
export const INVITE_STEPS = ["entity", "cognito", "email"] as const;
export type InviteStep = (typeof INVITE_STEPS)[number];

export type StepOutcome =
  | { status: "done"; at: string }
  | { status: "failed"; at: string; code: string; reason: string }
  | { status: "todo" };

export type StepState = Record<InviteStep, StepOutcome>;

export type LedgerStatus = "sending" | "failed" | "pending" | "accepted" | "expired" | "revoked";

export function initialSteps(): StepState {
  return { entity: { status: "todo" }, cognito: { status: "todo" }, email: { status: "todo" } };
}

/** The step a run (or a retry) starts from; undefined when all are done. */
export function nextStep(steps: StepState): InviteStep | undefined {
  return INVITE_STEPS.find((s) => steps[s].status !== "done");
}

export function withOutcome(steps: StepState, step: InviteStep, outcome: StepOutcome): StepState {
  return { ...steps, [step]: outcome };
}

/** Resend: the email step again; the earlier ones stay done. */
export function forResend(steps: StepState): StepState {
  return { ...steps, email: { status: "todo" } };
}

export function failedStep(steps: StepState): { step: InviteStep; code: string; reason: string } | undefined {
  for (const step of INVITE_STEPS) {
    const s = steps[step];
    if (s.status === "failed") return { step, code: s.code, reason: s.reason };
  }
  return undefined;
}

/**
 * What the ledger shows. `cognitoStatus` is the user's live status when known;
 * CONFIRMED means the user has set a password.
 */
export function ledgerStatus(
  invite: { steps: StepState; revokedAt?: string; acceptedAt?: string; expiresAt?: string },
  now: Date,
  cognitoStatus?: string,
): LedgerStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.acceptedAt || cognitoStatus === "CONFIRMED") return "accepted";
  if (failedStep(invite.steps)) return "failed";
  if (nextStep(invite.steps)) return "sending";
  if (invite.expiresAt && new Date(invite.expiresAt).getTime() < now.getTime()) return "expired";
  return "pending";
}

/** Why a step failed, in words an admin can act on (the AWS error code is kept beside it). */
export function reasonFor(step: InviteStep, code: string): string {
  if (code === "MessageRejected" || code === "MailFromDomainNotVerifiedException" || code === "NotFoundException") {
    return "The environment's SES sender is not verified (or SES refused the message). Verify the sender, then retry.";
  }
  if (code === "AccountSuspendedException" || code === "SendingPausedException") return "Sending is paused for this SES account.";
  if (/Throttl|TooManyRequests|LimitExceeded/.test(code)) return "AWS throttled the request. Retry in a moment.";
  if (code === "UsernameExistsException") return "A Cognito user with this email already exists.";
  if (code === "ConditionalCheckFailed") return "This email or handle already belongs to another entity.";
  if (code === "NotConfigured") return "The environment has no user pool yet. Provision it first.";
  if (code === "NoSender") return "The environment has no SES sender address. Set one on the environment first.";
  const what = step === "entity" ? "writing the entity" : step === "cognito" ? "creating the Cognito user" : "sending the email";
  return `AWS failed ${what} (${code}).`;
}

export function isThrottle(code: string): boolean {
  return /Throttl|TooManyRequests|ProvisionedThroughputExceeded|RequestLimitExceeded|LimitExceeded/.test(code);
}

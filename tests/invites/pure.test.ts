import { describe, expect, it } from "vitest";
import { meetsPolicy, temporaryPassword } from "@/lib/invites/password";
import { failedStep, forResend, initialSteps, ledgerStatus, nextStep, withOutcome } from "@/lib/invites/steps";
import { escapeHtml, renderInvitation } from "@/lib/invites/email";
import { parseInviteCsv, validateInviteRows } from "@/lib/invites/csv";

describe("temporary passwords", () => {
  it("meet the strictest policy and the pool's minimum length", () => {
    const policy = { MinimumLength: 20, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword(policy);
      expect(p.length).toBe(20);
      expect(meetsPolicy(p, policy)).toBe(true);
    }
    expect(temporaryPassword({ MinimumLength: 8 })).toHaveLength(16);
    expect(new Set(Array.from({ length: 50 }, () => temporaryPassword())).size).toBe(50);
  });

  it("detects a password that misses a class", () => {
    expect(meetsPolicy("alllowercase1!", { RequireUppercase: true })).toBe(false);
    expect(meetsPolicy("Short1!", { MinimumLength: 8 })).toBe(false);
  });
});

describe("invite steps", () => {
  it("resumes from the failed step and records each outcome", () => {
    let s = initialSteps();
    expect(nextStep(s)).toBe("entity");
    s = withOutcome(s, "entity", { status: "done", at: "t" });
    s = withOutcome(s, "cognito", { status: "done", at: "t" });
    s = withOutcome(s, "email", { status: "failed", at: "t", code: "MessageRejected", reason: "r" });
    expect(nextStep(s)).toBe("email");
    expect(failedStep(s)).toEqual({ step: "email", code: "MessageRejected", reason: "r" });
    expect(ledgerStatus({ steps: s }, new Date())).toBe("failed");
    s = withOutcome(s, "email", { status: "done", at: "t" });
    expect(nextStep(s)).toBeUndefined();
    expect(nextStep(forResend(s))).toBe("email");
  });

  it("derives pending, accepted, expired and revoked", () => {
    const done = { entity: { status: "done", at: "t" }, cognito: { status: "done", at: "t" }, email: { status: "done", at: "t" } } as const;
    const now = new Date("2026-01-10T00:00:00Z");
    expect(ledgerStatus({ steps: done, expiresAt: "2026-01-11T00:00:00Z" }, now)).toBe("pending");
    expect(ledgerStatus({ steps: done, expiresAt: "2026-01-09T00:00:00Z" }, now)).toBe("expired");
    expect(ledgerStatus({ steps: done, expiresAt: "2026-01-09T00:00:00Z" }, now, "CONFIRMED")).toBe("accepted");
    expect(ledgerStatus({ steps: done, revokedAt: "t" }, now, "CONFIRMED")).toBe("revoked");
  });
});

describe("invitation email", () => {
  it("escapes user text and never links a javascript: URI", () => {
    const m = renderInvitation({ product: "TankTower sandbox", recipientName: "<script>x</script>", email: "a@b.co", signInUrl: "javascript:alert(1)", temporaryPassword: "Pw-1&<", expiresAt: "2026-01-01T00:00:00Z" });
    expect(m.html).not.toContain("<script>x");
    expect(m.html).toContain("&lt;script&gt;");
    expect(m.html).not.toContain("javascript:");
    expect(m.html).toContain("Pw-1&amp;&lt;");
    expect(m.text).toContain("Temporary password: Pw-1&<");
    expect(escapeHtml(`"'`)).toBe("&quot;&#39;");
    expect(renderInvitation({ product: "p", email: "a@b.co", signInUrl: "https://app.example/x", temporaryPassword: "p", expiresAt: "2026-01-01T00:00:00Z" }).html).toContain('href="https://app.example/x"');
  });
});

describe("bulk CSV", () => {
  it("reports bad email, duplicates, existing users and unknown teams, keeps the rest", () => {
    const csv = ["Email,Name,Team,Role", "ok@example.com,Ok,Core,", "bad-email,Bad,,", "OK@example.com,Dup,,", "taken@example.com,T,,", "x@example.com,X,Nope,", "y@example.com,Y,core,boss", "z@example.com,,,admin"].join("\n");
    const { rows, problems } = parseInviteCsv(csv);
    expect(problems).toEqual([]);
    const preview = validateInviteRows(rows, { existingEmails: new Set(["taken@example.com"]), knownTeams: new Set(["core"]) });
    expect(preview.valid).toEqual([
      { line: 2, email: "ok@example.com", name: "Ok", team: "Core", role: "member" },
      { line: 8, email: "z@example.com", role: "admin" },
    ]);
    expect(preview.problems.map((p) => [p.line, p.field])).toEqual([[3, "email"], [4, "email"], [5, "email"], [6, "team"], [7, "role"]]);
    expect(preview.problems[1]?.message).toBe("Duplicate of line 2 in this file.");
    expect(preview.problems[2]?.message).toBe("Already a user of this environment.");
  });

  it("refuses a file without an email column", () => {
    expect(parseInviteCsv("name\nAda").problems[0]).toMatchObject({ field: "email" });
  });

  it("reads a file with only the email column without a problem (no delimiter to detect)", () => {
    expect(parseInviteCsv("email\na@example.com\nb@example.com")).toEqual({ rows: [{ email: "a@example.com" }, { email: "b@example.com" }], problems: [] });
  });
});

import { backoffMs, Pacer, quotaCheck, targetRate } from "@/lib/invites/pacing";

describe("bulk pacing", () => {
  it("spaces starts below the send rate", () => {
    let t = 1_000;
    const pacer = new Pacer(4, () => t);
    expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 250, 500]);
    t += 1_000;
    expect(pacer.reserve()).toBe(0);
    expect(new Pacer(Number.POSITIVE_INFINITY).reserve()).toBe(0);
  });

  it("backs off exponentially with a cap and aims at 80 % of the rate", () => {
    expect(backoffMs(0, 200, 10_000, () => 0.999)).toBe(199);
    expect(backoffMs(3, 200, 10_000, () => 0.999)).toBe(1598);
    expect(backoffMs(20, 200, 10_000, () => 0.999)).toBe(9990);
    expect(targetRate(14)).toBeCloseTo(11.2);
    expect(targetRate(1)).toBe(1);
  });

  it("warns before the 24-hour quota would be exceeded", () => {
    expect(quotaCheck(200, 150, 60)).toEqual({ max24h: 200, sentLast24h: 150, remaining: 50, wouldExceed: true });
    expect(quotaCheck(200, 150, 50).wouldExceed).toBe(false);
    expect(quotaCheck(-1, 10, 1_000_000)).toMatchObject({ remaining: -1, wouldExceed: false });
  });
});

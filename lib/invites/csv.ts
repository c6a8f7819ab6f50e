import Papa from "papaparse";
import { emailSchema, memberRoleSchema, type MemberRole } from "@/lib/entities/schema";

/**
 * Bulk-invite CSV: a header row with `email`, and optionally `name`, `team`,
 * `role` (member, admin or owner; member when empty). Parsed with papaparse,
 * validated row by row: a bad row is reported and the others still go.
 */
export type CsvInviteRow = { line: number; email: string; name?: string; team?: string; role: MemberRole };
export type CsvRowProblem = { line: number; email?: string; field: string; message: string };
export type CsvPreview = { valid: CsvInviteRow[]; problems: CsvRowProblem[] };

export type CsvContext = {
  /** Lower-cased emails that already belong to a user. */
  existingEmails: ReadonlySet<string>;
  /** Team names (lower-cased) and handles that exist. */
  knownTeams: ReadonlySet<string>;
};

export const MAX_CSV_ROWS = 5_000;

export function parseInviteCsv(csv: string): { rows: Record<string, string>[]; problems: CsvRowProblem[] } {
  const out = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const problems: CsvRowProblem[] = [];
  if (!out.meta.fields?.includes("email")) problems.push({ line: 1, field: "email", message: "The header row needs an `email` column." });
  for (const err of out.errors) {
    // A file with only the email column has no delimiter to detect: not a problem (papaparse reads it as one column).
    if (err.code === "UndetectableDelimiter") continue;
    // papaparse counts data rows from 0; line 1 is the header.
    problems.push({ line: (err.row ?? 0) + 2, field: "csv", message: err.message });
  }
  if (out.data.length > MAX_CSV_ROWS) problems.push({ line: MAX_CSV_ROWS + 2, field: "csv", message: `At most ${MAX_CSV_ROWS} rows per file.` });
  return { rows: out.data.slice(0, MAX_CSV_ROWS), problems };
}

export function validateInviteRows(rows: readonly Record<string, string>[], ctx: CsvContext): CsvPreview {
  const valid: CsvInviteRow[] = [];
  const problems: CsvRowProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const line = i + 2;
    const rawEmail = (raw.email ?? "").trim();
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) {
      problems.push({ line, email: rawEmail, field: "email", message: rawEmail ? "Not a valid email address." : "The email is empty." });
      return;
    }
    const first = seen.get(email.data);
    if (first !== undefined) {
      problems.push({ line, email: email.data, field: "email", message: `Duplicate of line ${first} in this file.` });
      return;
    }
    seen.set(email.data, line);
    if (ctx.existingEmails.has(email.data)) {
      problems.push({ line, email: email.data, field: "email", message: "Already a user of this environment." });
      return;
    }
    const team = raw.team?.trim() || undefined;
    if (team && !ctx.knownTeams.has(team.toLowerCase())) {
      problems.push({ line, email: email.data, field: "team", message: `There is no team named ${team}.` });
      return;
    }
    const roleText = raw.role?.trim().toLowerCase() || "member";
    const role = memberRoleSchema.safeParse(roleText);
    if (!role.success) {
      problems.push({ line, email: email.data, field: "role", message: "The role must be member, admin or owner." });
      return;
    }
    const name = raw.name?.trim() || undefined;
    valid.push({ line, email: email.data, ...(name ? { name } : {}), ...(team ? { team } : {}), role: role.data });
  });
  return { valid, problems };
}

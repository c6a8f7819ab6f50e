import "server-only";
import Papa from "papaparse";
import type { EnvContext } from "@/lib/entities/context";
import { listMemberships } from "@/lib/entities/members";
import { listEntities } from "@/lib/entities/store";
import type { EntitySummary } from "@/lib/entities/schema";
import { mapBounded } from "@/lib/invites/service";

/** Users or teams as CSV, read page by page from the lookup rows (sorted by name). */
async function all(ctx: EnvContext, type: "user" | "team"): Promise<EntitySummary[]> {
  const out: EntitySummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEntities(ctx, { type, by: "name", order: "asc", limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return out;
}

/** Cells starting with = + - @ are prefixed so a spreadsheet does not run them as formulas. */
function cell(v: string | undefined): string {
  const s = v ?? "";
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export async function exportCsv(ctx: EnvContext, what: "users" | "teams"): Promise<string> {
  if (what === "users") {
    const users = await all(ctx, "user");
    return Papa.unparse({ fields: ["id", "email", "name", "handle", "active"], data: users.map((u) => [u.id, cell(u.email), cell(u.name), cell(u.handle), u.is_active]) });
  }
  const teams = await all(ctx, "team");
  const rows = await mapBounded(teams, 5, async (t) => {
    const members = (await listMemberships(ctx, t.id)).filter((m) => m.direction === "member");
    return [t.id, cell(t.name), cell(t.handle), t.archived ? "true" : "false", cell(members.map((m) => `${m.email ?? m.name}:${m.role}`).join("; "))];
  });
  return Papa.unparse({ fields: ["id", "name", "handle", "archived", "members"], data: rows });
}

import type { Grant } from "@/lib/console-users/schema";

const SCOPED_GROUP = /^env:([a-z][a-z0-9-]{2,23}):(admins|viewers)$/;

/** Environment grants named by console-pool groups (the same pattern lib/auth/roles.ts reads). Pure. */
export function grantsFromGroups(groups: readonly string[]): Grant[] {
  const out: Grant[] = [];
  for (const g of groups) {
    const m = SCOPED_GROUP.exec(g);
    if (m?.[1]) out.push({ environment: m[1], role: m[2] === "admins" ? "admin" : "viewer" });
  }
  return out;
}

/**
 * The role model. Isomorphic and pure.
 *
 * - operator: member of the console pool's `operators` group; may do everything.
 * - admin:    environment-scoped (group `env:<name>:admins`); manages one environment's
 *             data, users and jobs but not its AWS provisioning or the registry.
 * - viewer:   environment-scoped, read-only (group `env:<name>:viewers`).
 *
 * Only `operator` is granted today; the scoped groups are parsed so that later
 * pages can declare `admin`/`viewer` without changing this model.
 */
export type Role = "operator" | "admin" | "viewer";

/** What a route may require: a role, any signed-in user, or no session at all. */
export type RouteRole = Role | "authenticated" | "public";

export const OPERATORS_GROUP = "operators";

export type Principal = {
  /** Cognito `sub` of the console user. */
  sub: string;
  email: string;
  /** Cognito username (a UUID when email is the sign-in attribute). */
  username: string;
  groups: string[];
  /** When the session ends for good (ms since epoch). */
  sessionEndsAt: number;
  /** Set when the caller authenticated with a personal API token (lib/auth/api-tokens.ts), not a session. */
  tokenId?: string;
};

const RANK: Record<Role, number> = { viewer: 1, admin: 2, operator: 3 };

const SCOPED_GROUP = /^env:([a-z][a-z0-9-]{2,23}):(admins|viewers)$/;

export function scopedGroup(environment: string, role: Exclude<Role, "operator">): string {
  return `env:${environment}:${role}s`;
}

/** The strongest role the principal holds for an environment (or globally when env is undefined). */
export function effectiveRole(principal: Pick<Principal, "groups">, environment?: string): Role | undefined {
  if (principal.groups.includes(OPERATORS_GROUP)) return "operator";
  if (environment === undefined) return undefined;
  let best: Role | undefined;
  for (const group of principal.groups) {
    const m = SCOPED_GROUP.exec(group);
    if (!m || m[1] !== environment) continue;
    const role: Role = m[2] === "admins" ? "admin" : "viewer";
    if (!best || RANK[role] > RANK[best]) best = role;
  }
  return best;
}

export function hasRole(principal: Pick<Principal, "groups">, required: Role, environment?: string): boolean {
  const role = effectiveRole(principal, environment);
  return role !== undefined && RANK[role] >= RANK[required];
}

/** Environments a non-operator may see; operators see all (returns "all"). */
export function visibleEnvironments(principal: Pick<Principal, "groups">): "all" | string[] {
  if (principal.groups.includes(OPERATORS_GROUP)) return "all";
  const names = new Set<string>();
  for (const group of principal.groups) {
    const m = SCOPED_GROUP.exec(group);
    if (m?.[1]) names.add(m[1]);
  }
  return [...names];
}

import "server-only";
import { peekSession } from "@/lib/auth/request-session";
import { hasRole, type Role } from "@/lib/auth/roles";

/** For pages: whether the signed-in user holds a role (for an environment). The API checks again on every call. */
export async function pageHasRole(role: Role, environment?: string): Promise<boolean> {
  const session = await peekSession();
  return session ? hasRole(session, role, environment) : false;
}
